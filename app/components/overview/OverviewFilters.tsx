import { useState } from "react";
import { Button, InlineStack, Select, TextField } from "@shopify/polaris";

export interface OverviewFilterValues {
  range: string;
  from: string;
  to: string;
  locationId: string | null;
}

const RANGE_OPTIONS = [
  { label: "Last 7 days", value: "7" },
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
  { label: "Custom range", value: "custom" },
];

/**
 * Date range and location, kept in the URL through `update` (see use-url-filters). A custom range is
 * applied with a button so half-typed dates don't trigger a load.
 */
export function OverviewFilters({
  value,
  locations,
  update,
}: {
  value: OverviewFilterValues;
  locations: { id: string; name: string }[];
  update: (changes: Record<string, string | null>) => void;
}) {
  const [range, setRange] = useState(value.range);
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  return (
    <InlineStack gap="300" blockAlign="end" wrap>
      <Select
        label="Date range"
        options={RANGE_OPTIONS}
        value={range}
        onChange={(next) => {
          setRange(next);
          if (next !== "custom")
            update({
              range: next === "30" ? null : next,
              from: null,
              to: null,
            });
        }}
      />
      {range === "custom" && (
        <>
          <TextField label="From" type="date" value={from} onChange={setFrom} autoComplete="off" />
          <TextField label="To" type="date" value={to} onChange={setTo} autoComplete="off" />
          <Button onClick={() => update({ range: "custom", from, to })}>Apply</Button>
        </>
      )}
      <Select
        label="Location"
        options={[{ label: "All locations", value: "" }, ...locations.map((l) => ({ label: l.name, value: l.id }))]}
        value={value.locationId ?? ""}
        onChange={(next) => update({ location: next || null })}
      />
    </InlineStack>
  );
}
