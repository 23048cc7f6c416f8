import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "~/components/ChartFrame";
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
    <ChartFrame label="Units sold and forecast per day">
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
    </ChartFrame>
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
    <ChartFrame label="Inventory value at cost by ABC class">
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
    </ChartFrame>
  );
}

/** Weekly WAPE per variant of a forecast snapshot for each week ahead, beside the 30-day average's (lower is better). */
export function AccuracyChart({ points }: { points: { week: number; wape: number | null; naiveWape: number | null }[] }) {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  const data = points.map((p) => ({ week: `Week ${p.week}`, wape: pct(p.wape), naive: pct(p.naiveWape) }));
  return (
    <ChartFrame label="Forecast error (WAPE) by week ahead">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" />
        <YAxis width={48} unit="%" />
        <Tooltip formatter={(v) => `${String(v)}%`} />
        <Legend />
        <Bar dataKey="wape" name="Stockcast" fill="#2c6ecb" isAnimationActive={false} />
        <Bar dataKey="naive" name="30-day average" fill="#b5b5b5" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
