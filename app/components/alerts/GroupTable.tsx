import { Form } from "@remix-run/react";
import { Badge, Button, IndexTable, InlineStack, Text } from "@shopify/polaris";
import type { paginationProps } from "~/components/use-url-filters";
import { alertRuleLabel, type AlertGroup } from "~/lib/alerts";
import { plural } from "~/utils/plural";
import { AlertsEmpty } from "./AlertsEmpty";

/** Alerts counted per vendor × location (with "Create draft PO") or per rule; opening a group lists its alerts. */
export function GroupTable(props: {
  groups: AlertGroup[];
  grouping: "place" | "rule";
  loading: boolean;
  canChange: boolean;
  creating: boolean;
  filtered: boolean;
  emptyHeading: string;
  onOpen: (g: AlertGroup) => void;
  onClearFilters: () => void;
  pagination: ReturnType<typeof paginationProps>;
}) {
  const { groups, grouping } = props;
  if (groups.length === 0) return <AlertsEmpty heading={props.emptyHeading} filtered={props.filtered} onClearFilters={props.onClearFilters} />;
  return (
    <IndexTable
      resourceName={{ singular: "group", plural: "groups" }}
      itemCount={groups.length}
      selectable={false}
      loading={props.loading}
      headings={[{ title: grouping === "place" ? "Vendor · location" : "Rule" }, { title: "Alerts" }, { title: "" }]}
      pagination={props.pagination}
    >
      {groups.map((g, i) => {
        const title = grouping === "rule" ? alertRuleLabel(g.type ?? "") : g.title;
        const orderable = grouping === "place" && g.orderNow > 0 && g.vendorId !== null && g.locationId !== null;
        return (
          <IndexTable.Row id={g.key} key={g.key} position={i}>
            <IndexTable.Cell>
              <Button variant="plain" onClick={() => props.onOpen(g)} accessibilityLabel={`Show the ${plural(g.total, "alert")} of ${title}`}>
                {title}
              </Button>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="100">
                {g.critical ? <Badge tone="critical">{`${g.critical} critical`}</Badge> : null}
                {g.warning ? <Badge tone="warning">{`${g.warning} warning`}</Badge> : null}
                {g.info ? <Badge tone="info">{`${g.info} info`}</Badge> : null}
                {grouping === "place" && g.orderNow ? (
                  <Text as="span" tone="subdued">
                    {`${g.orderNow} to order now`}
                  </Text>
                ) : null}
              </InlineStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {orderable ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="create_po" />
                  <input type="hidden" name="vendorId" value={g.vendorId!} />
                  <input type="hidden" name="locationId" value={g.locationId!} />
                  <Button submit size="slim" disabled={!props.canChange} loading={props.creating} accessibilityLabel={`Create draft PO for ${title}`}>
                    Create draft PO
                  </Button>
                </Form>
              ) : null}
            </IndexTable.Cell>
          </IndexTable.Row>
        );
      })}
    </IndexTable>
  );
}
