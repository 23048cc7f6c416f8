import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * The box every chart sits in: full width, a fixed height, and one label that screen readers announce in
 * place of the SVG (whose ticks and bars would be read one by one).
 */
export function ChartFrame({ label, height = 280, children }: { label: string; height?: number; children: ReactElement }) {
  return (
    <div style={{ width: "100%", height }} role="img" aria-label={label}>
      <ResponsiveContainer>{children}</ResponsiveContainer>
    </div>
  );
}
