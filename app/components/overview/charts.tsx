import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { formatMoneyCents } from "~/components/format";

/** A titled card holding a chart, or a sentence saying why there is nothing to draw yet. */
export function ChartCard({
  title,
  description,
  empty,
  children,
}: {
  title: string;
  description?: string;
  empty?: string | null;
  children: ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h3" variant="headingMd">
            {title}
          </Text>
          {description && (
            <Text as="p" variant="bodySm" tone="subdued">
              {description}
            </Text>
          )}
        </BlockStack>
        {empty ? (
          <div style={{ minHeight: 120, display: "flex", alignItems: "center" }}>
            <Text as="p" tone="subdued">
              {empty}
            </Text>
          </div>
        ) : (
          children
        )}
      </BlockStack>
    </Card>
  );
}

const shortDate = (d: string) => d.slice(5);

/** Units sold per day in the range, then the plan's forecast (summed over variants) from the plan date. */
export function SalesForecastChart({
  points,
  planAsOf,
}: {
  points: { date: string; actual: number | null; forecast: number | null }[];
  planAsOf: string | null;
}) {
  return (
    <div style={{ width: "100%", height: 280 }} role="img" aria-label="Units sold and forecast per day">
      <ResponsiveContainer>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip />
          <Legend />
          {planAsOf && (
            <ReferenceLine x={planAsOf} stroke="#8a8a8a" strokeDasharray="4 4" label={{ value: "plan", position: "insideTopLeft", fontSize: 11 }} />
          )}
          <Line dataKey="actual" name="Units sold" stroke="#303030" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="forecast" name="Forecast" stroke="#2c6ecb" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

const ABC_COLOR: Record<string, string> = {
  A: "#2c6ecb",
  B: "#5c9ded",
  C: "#a8c8f0",
  Unclassified: "#b5b5b5",
};

/** On-hand value at cost per ABC class of the latest plan. */
export function ValueByAbcChart({ rows, currency }: { rows: { abcClass: string; valueCents: number }[]; currency: string }) {
  const data = rows.map((r) => ({ ...r, value: r.valueCents / 100 }));
  return (
    <div style={{ width: "100%", height: 280 }} role="img" aria-label="Inventory value at cost by ABC class">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="abcClass" />
          <YAxis width={72} tickFormatter={(v: number) => formatMoneyCents(Math.round(v * 100), currency).replace(/\.\d\d$/, "")} />
          <Tooltip formatter={(v) => formatMoneyCents(Math.round(Number(v) * 100), currency)} />
          <Bar dataKey="value" name="Value at cost" isAnimationActive={false} fill="#2c6ecb">
            {data.map((d) => (
              <Cell key={d.abcClass} fill={ABC_COLOR[d.abcClass] ?? "#2c6ecb"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Weekly WAPE of the plan's forecast against what then sold (lower is better). */
export function AccuracyChart({ points }: { points: { weekStart: string; wape: number | null }[] }) {
  const data = points.map((p) => ({
    week: p.weekStart,
    wape: p.wape === null ? null : Math.round(p.wape * 1000) / 10,
  }));
  return (
    <div style={{ width: "100%", height: 280 }} role="img" aria-label="Forecast error (WAPE) per week">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={shortDate} />
          <YAxis width={48} unit="%" />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Line dataKey="wape" name="WAPE" stroke="#8051ff" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
