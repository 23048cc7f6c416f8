import { ChoiceList, Filters, InlineStack, Select } from "@shopify/polaris";
import type { useUrlFilters } from "~/components/use-url-filters";
import { ALERT_TYPES, alertRuleLabel } from "~/lib/alerts";

export const SEVERITIES = ["critical", "warning", "info"] as const;
const FILTER_KEYS = ["severity", "type", "vendor", "location"] as const;
const GROUP_OPTIONS = [
  { label: "Vendor and location", value: "place" },
  { label: "Rule", value: "rule" },
  { label: "No grouping", value: "none" },
];
type Named = { id: string; name: string };

/** Whether any filter or a search narrows the list (the empty state then offers "Clear filters"). */
export function isFiltered(params: URLSearchParams): boolean {
  return FILTER_KEYS.some((k) => params.get(k)) || Boolean(params.get("q"));
}

/** Search, the severity / rule / vendor / location filters (all in the URL) and "Group by". */
export function AlertFilters(props: { urlFilters: ReturnType<typeof useUrlFilters>; vendors: Named[]; locations: Named[]; group: string; onClearFilters: () => void }) {
  const { params, update, search, setSearch } = props.urlFilters;
  const choice = (key: string, label: string, choices: { label: string; value: string }[]) => ({
    key,
    label,
    shortcut: true,
    filter: <ChoiceList title={label} titleHidden choices={choices} selected={params.get(key) ? [params.get(key)!] : []} onChange={(v) => update({ [key]: v[0] ?? null })} />,
  });
  const filters = [
    choice("severity", "Severity", SEVERITIES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s }))),
    choice("type", "Rule", ALERT_TYPES.map((t) => ({ label: alertRuleLabel(t), value: t }))),
    choice("vendor", "Vendor", [...props.vendors.map((v) => ({ label: v.name, value: v.id })), { label: "No vendor", value: "none" }]),
    choice("location", "Location", [...props.locations.map((l) => ({ label: l.name, value: l.id })), { label: "Not about a location", value: "none" }]),
  ];
  const valueName = (key: string, value: string) =>
    key === "type"
      ? alertRuleLabel(value)
      : key === "vendor"
        ? (props.vendors.find((v) => v.id === value)?.name ?? (value === "none" ? "No vendor" : "?"))
        : key === "location"
          ? (props.locations.find((l) => l.id === value)?.name ?? (value === "none" ? "Not about a location" : "?"))
          : value;
  const appliedFilters = FILTER_KEYS.filter((k) => params.get(k)).map((k) => ({
    key: k,
    label: `${filters.find((f) => f.key === k)!.label}: ${valueName(k, params.get(k)!)}`,
    onRemove: () => update({ [k]: null }),
  }));
  return (
    <div style={{ padding: "8px 12px" }}>
      <InlineStack gap="300" align="space-between" blockAlign="center" wrap={false}>
        <div style={{ flex: 1 }}>
          <Filters
            queryValue={search}
            queryPlaceholder="Search product, variant, SKU or location"
            onQueryChange={setSearch}
            onQueryClear={() => setSearch("")}
            filters={filters}
            appliedFilters={appliedFilters}
            onClearAll={props.onClearFilters}
          />
        </div>
        <Select label="Group by" labelInline options={GROUP_OPTIONS} value={props.group} onChange={(v) => update({ group: v === "place" ? null : v })} />
      </InlineStack>
    </div>
  );
}
