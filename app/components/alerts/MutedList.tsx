import { Form } from "@remix-run/react";
import { Button, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useShopTime } from "~/components/shop-time";
import { alertRuleLabel } from "~/lib/alerts";

/** The Muted tab: each mute with who muted it and an Unmute button. */
export function MutedList({ mutes, busy }: { mutes: { id: string; ruleType: string; entityType: string; subject: string; createdBy: string; createdAt: string }[]; busy: boolean }) {
  const time = useShopTime();
  if (mutes.length === 0)
    return (
      <EmptyState heading="No muted rules" image="">
        <p>Select alerts and choose “Mute rule…” to silence a rule for one variant, vendor or the whole store.</p>
      </EmptyState>
    );
  return (
    <IndexTable
      resourceName={{ singular: "muted rule", plural: "muted rules" }}
      itemCount={mutes.length}
      selectable={false}
      headings={[{ title: "Rule" }, { title: "For" }, { title: "Muted" }, { title: "" }]}
    >
      {mutes.map((m, i) => (
        <IndexTable.Row id={m.id} key={m.id} position={i}>
          <IndexTable.Cell>{alertRuleLabel(m.ruleType)}</IndexTable.Cell>
          <IndexTable.Cell>
            {m.subject}{" "}
            <Text as="span" tone="subdued">
              ({m.entityType})
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {time(m.createdAt, "day")} by {m.createdBy}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Form method="post">
              <input type="hidden" name="intent" value="unmute" />
              <input type="hidden" name="muteId" value={m.id} />
              <Button submit size="slim" loading={busy} accessibilityLabel={`Unmute ${alertRuleLabel(m.ruleType)} for ${m.subject}`}>
                Unmute
              </Button>
            </Form>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
