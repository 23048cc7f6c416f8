import { useState } from "react";
import { BlockStack, Box, Button, Card, Collapsible, InlineGrid, Text } from "@shopify/polaris";
import { formatDate } from "~/components/format";
import type { AccuracyFigure, OverviewAccuracy } from "~/utils/overview-dto";
import { plural } from "~/utils/plural";
import { CardTitle } from "~/components/CardTitle";

const wholePercent = (x: number) => `${Math.round(x * 100)}%`;

/** "27% less error than a 30-day average (its WAPE 52%)", or the other way round, in plain words. */
export function valueAddedLabel(figure: AccuracyFigure): string {
  if (figure.fva === null || figure.naiveWape === null) return "no 30-day average to compare with";
  const naive = `30-day average: ${wholePercent(figure.naiveWape)}`;
  const fva = Math.round(figure.fva * 100);
  if (fva === 0) return `as accurate as a 30-day average (${naive})`;
  return fva > 0 ? `${fva}% less error than a 30-day average (${naive})` : `${-fva}% more error than a 30-day average (${naive})`;
}

/** The definitions behind the figures, shown on tap (docs/overview.md has the same, with the formulas). */
export const ACCURACY_DEFINITIONS = [
  ["WAPE, 4-week totals", "for each variant at each location, the units forecast for the 4 weeks against the units sold in them; the misses added up, divided by the units sold. 0% is perfect."],
  ["WAPE, weekly per variant", "the same for each variant's units per week, all locations together."],
  ["Compared with a 30-day average", "the same measure for the simplest forecast: each item's average daily sales over its last 30 days in stock, repeated. \"27% less error\" means Stockcast's WAPE is 27% lower than that one's (forecast value added)."],
  ["Out of stock", "weeks when an item was out of stock at a location are left out of both, since nobody knows what it would have sold."],
] as const;

function Figure({ id, label, figure }: { id: string; label: string; figure: AccuracyFigure | null }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingXl" id={`kpi-${id}`}>
        {figure?.wape == null ? "—" : `WAPE ${wholePercent(figure.wape)}`}
      </Text>
      <Text as="p" variant="bodySm" id={`kpi-${id}-fva`}>
        {figure?.wape == null ? "nothing sold in these weeks" : valueAddedLabel(figure)}
      </Text>
    </BlockStack>
  );
}

/**
 * Forecast accuracy at the level orders are decided: the newest forecast snapshot whose 4 weeks are over,
 * scored on 4-week totals per variant × location and on weekly totals per variant, each beside a naive
 * 30-day average. Definitions open on tap.
 */
export function AccuracyCard({ accuracy, planned }: { accuracy: OverviewAccuracy; planned: boolean }) {
  const [open, setOpen] = useState(false);
  const scored = accuracy.snapshotDate !== null;
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <CardTitle>Forecast accuracy</CardTitle>
          <Text as="p" variant="bodySm" tone="subdued" id="accuracy-period">
            {scored
              ? `Forecasts made on ${formatDate(accuracy.snapshotDate!)} for the 4 weeks up to ${formatDate(accuracy.periodEnd!)}, against what sold. Lower WAPE is better.`
              : accuracy.firstFigureOn
                ? `First figures on ${formatDate(accuracy.firstFigureOn)}: forecasts are scored once the 4 weeks they cover are over.`
                : planned
                  ? "Forecasts are scored once the 4 weeks they cover are over: the first figures appear 4 weeks after the next weekly plan."
                  : "Appears 4 weeks after the first planning run."}
          </Text>
        </BlockStack>
        {scored && (
          <>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              <Figure id="forecast-accuracy" label="4-week totals, per variant and location" figure={accuracy.total} />
              <Figure id="forecast-weekly" label="Weekly totals, per variant" figure={accuracy.weekly} />
            </InlineGrid>
            <Text as="p" variant="bodySm" tone="subdued" id="accuracy-coverage">
              {plural(accuracy.series, "variant-location")} forecast
              {accuracy.stockedOutSeries > 0 ? `; ${accuracy.stockedOutSeries} left out of the 4-week figure: out of stock during those weeks` : ""}.
            </Text>
          </>
        )}
        <Box>
          <Button variant="plain" disclosure={open ? "up" : "down"} onClick={() => setOpen(!open)} ariaExpanded={open} ariaControls="accuracy-definitions">
            What these figures mean
          </Button>
        </Box>
        <Collapsible open={open} id="accuracy-definitions">
          <BlockStack gap="100">
            {ACCURACY_DEFINITIONS.map(([term, text]) => (
              <Text as="p" variant="bodySm" key={term}>
                <Text as="span" fontWeight="semibold">
                  {term}:
                </Text>{" "}
                {text}
              </Text>
            ))}
          </BlockStack>
        </Collapsible>
      </BlockStack>
    </Card>
  );
}
