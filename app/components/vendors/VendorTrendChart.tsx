import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "~/components/ChartFrame";

export interface VendorTrendPoint {
  month: string;
  deliveries: number;
  onTimeRate: number | null;
  fillRate: number | null;
  leadTimeMeanDays: number | null;
}

const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const monthLabel = (m: string) => MONTH.format(new Date(`${m}-01T00:00:00Z`));

/**
 * Twelve months of deliveries: on-time and fill rate (%, left axis) and observed lead time (days, right
 * axis), by month of first receipt. Months without deliveries have no point (never a zero); lines join the
 * months that have one.
 */
export function VendorTrendChart({ points }: { points: VendorTrendPoint[] }) {
  const data = points.map((p) => ({
    month: monthLabel(p.month),
    onTime: p.onTimeRate === null ? null : Math.round(p.onTimeRate * 1000) / 10,
    fill: p.fillRate === null ? null : Math.round(p.fillRate * 1000) / 10,
    leadTime: p.leadTimeMeanDays === null ? null : Math.round(p.leadTimeMeanDays * 10) / 10,
    deliveries: p.deliveries,
  }));
  return (
    <ChartFrame label="Monthly on-time rate, fill rate and observed lead time over the last 12 months">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" />
        <YAxis yAxisId="pct" domain={[0, 100]} unit="%" width={48} />
        <YAxis yAxisId="days" orientation="right" unit=" d" width={48} allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line yAxisId="pct" dataKey="onTime" name="On time (%)" stroke="#2c6ecb" strokeWidth={2} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
        <Line yAxisId="pct" dataKey="fill" name="Fill rate (%)" stroke="#29845a" strokeWidth={2} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
        <Line yAxisId="days" dataKey="leadTime" name="Observed lead time (days)" stroke="#b98900" strokeDasharray="5 3" strokeWidth={2} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
      </ComposedChart>
    </ChartFrame>
  );
}
