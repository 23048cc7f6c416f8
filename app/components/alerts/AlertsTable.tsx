import { Badge, IndexTable, Link, Text } from "@shopify/polaris";
import type { ComponentProps } from "react";
import { useShopTime } from "~/components/shop-time";
import type { paginationProps } from "~/components/use-url-filters";
import { alertRuleLabel } from "~/lib/alerts";

const TONE = { critical: "critical", warning: "warning", info: "info" } as const;

/** One alert as the loader sends it (AlertRowDto of app/services/alerts/inbox.server.ts). */
export interface AlertRowView {
  id: string;
  type: string;
  severity: string;
  message: string;
  lastSeenAt: string;
  snoozedUntil: string | null;
  url: string | null;
  mute: { label: string } | null;
}

/** The alerts of a tab, selectable for Acknowledge, Snooze… and Mute rule…. */
export function AlertsTable(props: {
  rows: AlertRowView[];
  tab: string;
  loading: boolean;
  selection: { selectedResources: string[]; allResourcesSelected: boolean; handleSelectionChange: ComponentProps<typeof IndexTable>["onSelectionChange"] };
  onAct: (intent: "acknowledge") => void;
  onDialog: (dialog: "snooze" | "mute") => void;
  pagination: ReturnType<typeof paginationProps>;
}) {
  const time = useShopTime();
  const { rows, tab } = props;
  const { selectedResources, allResourcesSelected, handleSelectionChange } = props.selection;
  return (
    <IndexTable
      resourceName={{ singular: "alert", plural: "alerts" }}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={handleSelectionChange}
      promotedBulkActions={[
        ...(tab === "resolved" ? [] : [{ content: "Acknowledge", onAction: () => props.onAct("acknowledge") }]),
        ...(tab === "resolved" ? [] : [{ content: "Snooze…", onAction: () => props.onDialog("snooze") }]),
      ]}
      bulkActions={[{ content: "Mute rule…", onAction: () => props.onDialog("mute") }]}
      loading={props.loading}
      headings={[{ title: "Severity" }, { title: "Alert" }, { title: "Rule" }, { title: tab === "snoozed" ? "Snoozed until" : "Last seen" }]}
      pagination={props.pagination}
    >
      {rows.map((a, i) => (
        <IndexTable.Row id={a.id} key={a.id} position={i} selected={selectedResources.includes(a.id)}>
          <IndexTable.Cell>
            <Badge tone={TONE[a.severity as keyof typeof TONE]}>{a.severity}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <div style={{ whiteSpace: "normal", maxWidth: 640 }}>
              {a.url ? (
                <Link url={a.url} removeUnderline>
                  {a.message}
                </Link>
              ) : (
                a.message
              )}
            </div>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" tone="subdued">
              {alertRuleLabel(a.type)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{time(tab === "snoozed" && a.snoozedUntil ? a.snoozedUntil : a.lastSeenAt, "day")}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
