import { Form } from "@remix-run/react";
import { Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

/** Demo mode only: move "now" to show a snoozed alert coming back. */
export function DemoClock({ demoClock, today }: { demoClock: string | null; today: string }) {
  const [at, setAt] = useState(today);
  return (
    <Card>
      <Form method="post" action="/app/demo-clock">
        <input type="hidden" name="redirectTo" value="/app/alerts" />
        <InlineStack gap="300" blockAlign="end">
          <div style={{ minWidth: 200 }}>
            <TextField label="Demo clock" name="at" type="date" value={at} onChange={setAt} autoComplete="off" />
          </div>
          <Button submit>Move clock</Button>
          <Text as="span" tone="subdued">
            {demoClock ? `Demo time: ${demoClock.slice(0, 10)} (demo only)` : "Real time"}
          </Text>
        </InlineStack>
      </Form>
      {demoClock ? (
        <Form method="post" action="/app/demo-clock">
          <input type="hidden" name="redirectTo" value="/app/alerts" />
          <input type="hidden" name="at" value="" />
          <Button submit variant="plain">
            Back to real time
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
