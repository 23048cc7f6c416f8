import { InlineStack, Spinner, Text } from "@shopify/polaris";
import { useRevalidateWhile } from "./use-revalidate-while";

/** How often a screen re-reads its data while its plan is being re-planned. */
const REFRESH_WHILE_REPLANNING_MS = 3_000;

/**
 * "Plan updated Dec 7, 10:32 AM", with "Re-planning…" while a re-plan of the shop is queued or running; the
 * screen re-reads its data every few seconds until that re-plan is done, so new figures appear without a click.
 */
export function PlanStatusLine({ updatedLabel, replanning }: { updatedLabel: string | null; replanning: boolean }) {
  useRevalidateWhile(replanning, REFRESH_WHILE_REPLANNING_MS);
  if (!updatedLabel && !replanning) return null;
  return (
    <InlineStack gap="200" blockAlign="center">
      {updatedLabel ? (
        <Text as="span" variant="bodySm" tone="subdued">
          Plan updated {updatedLabel}
        </Text>
      ) : null}
      {replanning ? (
        <InlineStack gap="100" blockAlign="center">
          <Spinner size="small" accessibilityLabel="Re-planning" />
          <Text as="span" variant="bodySm" tone="subdued">
            Re-planning…
          </Text>
        </InlineStack>
      ) : null}
    </InlineStack>
  );
}
