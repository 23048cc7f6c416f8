import { EmptyState } from "@shopify/polaris";

/** The empty list or groups: no alerts at all, or none matching the filters (then "Clear filters"). */
export function AlertsEmpty({ heading, filtered, onClearFilters }: { heading: string; filtered: boolean; onClearFilters: () => void }) {
  return (
    <EmptyState heading={heading} image="" action={filtered ? { content: "Clear filters", onAction: onClearFilters } : undefined}>
      <p>
        {filtered
          ? "Try another search, or remove a filter."
          : "Stockcast checks every variant after each plan and whenever stock or orders change: items to order now, stockouts, overstock still being ordered, dead stock, overdue purchase orders, vendor reliability, unusual demand and sync problems."}
      </p>
    </EmptyState>
  );
}
