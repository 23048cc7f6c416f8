import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "~/components/ChartFrame";
import type { ForecastPoint } from "~/utils/forecast-dto";

/** Consecutive days matching `flag` as [first, last] date ranges, to shade them. */
function ranges(points: ForecastPoint[], flag: (p: ForecastPoint) => boolean): [string, string][] {
  const out: [string, string][] = [];
  points.forEach((p, i) => {
    if (!flag(p)) return;
    const last = out[out.length - 1];
    if (last && i > 0 && flag(points[i - 1])) last[1] = p.date;
    else out.push([p.date, p.date]);
  });
  return out;
}

const isOverridden = (p: ForecastPoint) => p.baseMean !== null && p.baseMean !== undefined;

/**
 * Daily history (stocked-out days shaded red: demand unknown there), then the forecast with 80% and 95%
 * bands. Days whose forecast is a manual override are shaded orange, with the statistical forecast they
 * replaced as a dashed line; overrides saved since this plan show as a dotted orange line.
 */
export function ForecastChart({ points }: { points: ForecastPoint[] }) {
  const overridden = points.some(isOverridden);
  const pending = points.some((p) => p.pendingOverride !== null && p.pendingOverride !== undefined);
  return (
    <ChartFrame label="Demand history and forecast" height={320}>
      <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend />
        {ranges(points, (p) => p.stockedOut).map(([from, to]) => (
          <ReferenceArea key={from} x1={from} x2={to} fill="#d72c0d" fillOpacity={0.12} ifOverflow="extendDomain" />
        ))}
        {ranges(points, isOverridden).map(([from, to]) => (
          <ReferenceArea key={`o-${from}`} x1={from} x2={to} fill="#e8a13a" fillOpacity={0.18} ifOverflow="extendDomain" />
        ))}
        <Area dataKey="band95" name="95% band" stroke="none" fill="#2c6ecb" fillOpacity={0.12} isAnimationActive={false} />
        <Area dataKey="band80" name="80% band" stroke="none" fill="#2c6ecb" fillOpacity={0.22} isAnimationActive={false} />
        <Line dataKey="actual" name="Units sold" stroke="#303030" dot={false} strokeWidth={1} isAnimationActive={false} />
        <Line dataKey="mean" name="Forecast" stroke="#2c6ecb" dot={false} strokeWidth={2} isAnimationActive={false} />
        {overridden && (
          <Line dataKey="baseMean" name="Statistical forecast (overridden)" stroke="#2c6ecb" strokeDasharray="4 3" dot={false} strokeWidth={1} connectNulls={false} isAnimationActive={false} />
        )}
        {pending && (
          <Line dataKey="pendingOverride" name="Override (from next plan)" stroke="#c05717" strokeDasharray="2 3" dot={{ r: 2 }} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
