import { Text } from "@shopify/polaris";
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

export function NativePoNote({ po, alignment }: { po: NativePoNoteProps; alignment?: "end" }) {
  return (
    <Text as="span" variant="bodySm" tone="subdued" alignment={alignment}>
      {nativePoText(po)}
    </Text>
  );
}
