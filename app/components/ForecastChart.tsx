import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ForecastPoint {
  date: string;
  actual: number | null;
  stockedOut: boolean;
  mean: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
}

/** Consecutive stocked-out days as [first, last] date ranges, to shade them. */
function stockoutRanges(points: ForecastPoint[]): [string, string][] {
  const ranges: [string, string][] = [];
  for (const p of points) {
    if (!p.stockedOut) continue;
    const last = ranges[ranges.length - 1];
    const prev = points[points.indexOf(p) - 1];
    if (last && prev?.stockedOut) last[1] = p.date;
    else ranges.push([p.date, p.date]);
  }
  return ranges;
}

/** Daily history (stocked-out days shaded: demand unknown there), then the forecast with 80% and 95% bands. */
export function ForecastChart({ points }: { points: ForecastPoint[] }) {
  return (
    <div style={{ width: "100%", height: 320 }} role="img" aria-label="Demand history and forecast">
      <ResponsiveContainer>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Legend />
          {stockoutRanges(points).map(([from, to]) => (
            <ReferenceArea key={from} x1={from} x2={to} fill="#d72c0d" fillOpacity={0.12} ifOverflow="extendDomain" />
          ))}
          <Area dataKey="band95" name="95% band" stroke="none" fill="#2c6ecb" fillOpacity={0.12} isAnimationActive={false} />
          <Area dataKey="band80" name="80% band" stroke="none" fill="#2c6ecb" fillOpacity={0.22} isAnimationActive={false} />
          <Line dataKey="actual" name="Units sold" stroke="#303030" dot={false} strokeWidth={1} isAnimationActive={false} />
          <Line dataKey="mean" name="Forecast" stroke="#2c6ecb" dot={false} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
