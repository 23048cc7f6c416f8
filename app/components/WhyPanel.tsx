import { useState } from "react";
import { BlockStack, Box, Button, Popover, Text } from "@shopify/polaris";
import type { OrderStep } from "~/lib/replenishment";
import type { WhyDto } from "~/utils/why-dto";
import { MinorHeading } from "~/components/CardTitle";

// Why Stockcast suggests a quantity: the plain sentence first, then the sums (whole units that add up),
// then the method in plain words, with the method code and its error metric in a details disclosure.
// Stock figures keep one name each: on hand, available, on order, position.

const STEP_LABEL: Record<OrderStep["rule"], (s: OrderStep) => string> = {
  "economic-order-quantity": () => "Raised to the economical batch",
  moq: (s) => `Vendor minimum ${s.figure}`,
  "case-pack": (s) => `Whole cases of ${s.figure}`,
  "max-quantity": (s) => `Maximum per order ${s.figure}`,
  budget: () => "Cut to fit the budget",
};

function Sum({ testId, children }: { testId: string; children: string }) {
  return (
    <div data-testid={testId}>
      <Text as="p" numeric>
        {children}
      </Text>
    </div>
  );
}

/** The panel's content: on the variant page inline, in the Replenishment table inside a popover. */
export function WhyDetails({ why }: { why: WhyDto }) {
  const a = why.sums;
  // Available as the position counts it (a variant that stops selling at zero counts a negative as 0).
  const counted = a.position - why.stock.onOrder;
  const gap = a.orderUpTo - a.position - a.inDraft;
  let previous = a.beforeRounding;
  return (
    <BlockStack gap="300">
      <div data-testid="why-sentence">
        <Text as="p">{why.sentence}</Text>
      </div>
      <BlockStack gap="100">
        <MinorHeading>The numbers</MinorHeading>
        <Sum testId="why-sum-reorder-point">{`Lead-time demand ${a.leadTimeDemand} + safety stock ${a.safetyStock} = reorder point ${a.reorderPoint}`}</Sum>
        <Sum testId="why-sum-order-up-to">{`Reorder point ${a.reorderPoint} + cover until the next review ${a.reviewDemand} = order-up-to level ${a.orderUpTo}`}</Sum>
        <Sum testId="why-sum-position">{`Available ${counted} + on order ${why.stock.onOrder} = position ${a.position}`}</Sum>
        <Sum testId="why-sum-before-rounding">
          {a.inDraft > 0
            ? `Order-up-to level ${a.orderUpTo} − position ${a.position} − in draft ${a.inDraft} = ${gap}${gap > 0 ? " before rounding" : ", so nothing more to order"}`
            : `Order-up-to level ${a.orderUpTo} − position ${a.position} = ${gap}${gap > 0 ? " before rounding" : ", so nothing to order"}`}
        </Sum>
        {a.steps.map((s) => {
          const line = `${STEP_LABEL[s.rule](s)}: ${previous} → ${s.quantity}`;
          previous = s.quantity;
          return (
            <Sum key={s.rule} testId="why-step">
              {line}
            </Sum>
          );
        })}
        {a.stopped && (
          <Sum testId="why-step">{`${a.stopped === "do-not-reorder" ? "Marked do not reorder" : "Order rules contradict each other"}: ${previous} → 0`}</Sum>
        )}
        <Text as="p" fontWeight="semibold">
          <span data-testid="why-suggested">{`Suggested ${a.quantity}`}</span>
          {why.editedQty !== null && why.editedQty !== a.quantity ? ` · you changed it to ${why.editedQty}` : ""}
        </Text>
        {!why.stepsKnown && (
          <Text as="p" tone="subdued" variant="bodySm">
            This plan predates the rounding steps; the next plan shows them.
          </Text>
        )}
        <Text as="p" tone="subdued" variant="bodySm">
          {`On hand ${why.stock.onHand}; available ${why.stock.available} of it can be sold now (on hand less units promised to orders).`}
          {counted !== why.stock.available ? ` Available below zero counts as 0: this variant stops selling at zero.` : ""}
          {counted < 0 ? ` Backorders ${-counted}: units owed to customers, so available is below zero.` : ""}
        </Text>
      </BlockStack>
      {why.method && (
        <Text as="p">
          Forecast: {why.method.words}.
        </Text>
      )}
      <details data-testid="why-details">
        <summary>
          <Text as="span" tone="subdued" variant="bodySm">
            Method details
          </Text>
        </summary>
        <Box paddingBlockStart="100">
          <Text as="p" tone="subdued" variant="bodySm">
            {why.method ? `Method ${why.method.code}, chosen by rolling-origin cross-validation. ` : ""}
            {why.method?.rmsse != null ? `RMSSE ${why.method.rmsse.toFixed(2)} (below 1 beats repeating recent sales). ` : ""}
            {`Cycle service level ${Number((why.serviceLevel * 100).toFixed(2))}%; lead time ${why.leadTimeDays.toFixed(1)} days. `}
            Reorder point and order-up-to level are rounded up to whole units, lead-time demand to the nearest.
          </Text>
        </Box>
      </details>
    </BlockStack>
  );
}

/** "Why?" beside a suggested quantity: opens the panel on click or tap (not a hover tooltip). */
export function WhyButton({ why, label }: { why: WhyDto; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      preferredAlignment="right"
      activator={
        <Button variant="plain" accessibilityLabel={`Why this quantity for ${label}`} onClick={() => setOpen((o) => !o)}>
          Why?
        </Button>
      }
    >
      <div style={{ maxWidth: 420 }} data-testid="why-panel">
        <Box padding="400">
          <WhyDetails why={why} />
        </Box>
      </div>
    </Popover>
  );
}
