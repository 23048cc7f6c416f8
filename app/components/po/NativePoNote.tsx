import { BlockStack, Text } from "@shopify/polaris";
import { formatDate } from "~/components/format";

/** A native Shopify PO line behind part of an on-order figure (NativeOnOrderDto, as JSON). */
export interface NativePoNoteProps {
  name: string;
  supplier: string | null;
  units: number;
  expectedOn: string | null;
}

/** "5 of these on Shopify PO #PO12 from Acme, expected 20 Dec": the units are already in the on-order figure. */
export function nativePoText(po: NativePoNoteProps): string {
  const from = po.supplier ? ` from ${po.supplier}` : "";
  const when = po.expectedOn ? `, expected ${formatDate(po.expectedOn)}` : "";
  return `${po.units} of these on Shopify PO ${po.name}${from}${when}`;
}

/** The sentence, or (compact, for a table cell) the units and PO on one line, supplier and date on the next. */
export function NativePoNote({ po, compact = false }: { po: NativePoNoteProps; compact?: boolean }) {
  if (!compact)
    return (
      <Text as="span" variant="bodySm" tone="subdued">
        {nativePoText(po)}
      </Text>
    );
  const detail = [po.supplier, po.expectedOn ? `expected ${formatDate(po.expectedOn)}` : null].filter(Boolean).join(" · ");
  return (
    <BlockStack gap="0">
      <Text as="span" variant="bodySm" tone="subdued" alignment="end">
        {`${po.units} of these on Shopify PO ${po.name}`}
      </Text>
      {detail && (
        <Text as="span" variant="bodySm" tone="subdued" alignment="end">
          {detail}
        </Text>
      )}
    </BlockStack>
  );
}
