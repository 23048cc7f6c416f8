import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";

export interface AddLineValues {
  variantId: string;
  quantity: string;
  unitCost: string;
}

interface VariantOption {
  id: string;
  title: string;
  sku: string | null;
  unitCost: string;
}

/** "Add a line": searches the PO vendor's variants (GET …/variants?q=), then a quantity and a unit cost. */
export function AddLine({ poId, loading, onAdd }: { poId: string; loading: boolean; onAdd: (values: AddLineValues) => void }) {
  const fetcher = useFetcher<{ variants: VariantOption[]; error: string | null }>();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<VariantOption | null>(null);
  const [quantity, setQuantity] = useState("1");
  const [unitCost, setUnitCost] = useState("");
  const { load } = fetcher;

  // Search a moment after typing stops.
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const timer = setTimeout(() => load(`/app/purchase-orders/${poId}/variants?q=${encodeURIComponent(q)}`), 250);
    return () => clearTimeout(timer);
  }, [query, poId, load]);

  const results = query.trim() ? (fetcher.data?.variants ?? []) : [];
  const searching = fetcher.state === "loading";

  if (picked) {
    return (
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          Add {picked.title}
          {picked.sku ? ` (${picked.sku})` : ""}
        </Text>
        <InlineStack gap="200" blockAlign="end">
          <div style={{ maxWidth: 120 }}>
            <TextField label="Quantity" type="number" min={1} autoComplete="off" value={quantity} onChange={setQuantity} />
          </div>
          <div style={{ maxWidth: 140 }}>
            <TextField label="Unit cost" inputMode="decimal" autoComplete="off" value={unitCost} onChange={setUnitCost} />
          </div>
          <Button variant="primary" loading={loading} disabled={!/^\d+$/.test(quantity.trim()) || Number(quantity) < 1} onClick={() => onAdd({ variantId: picked.id, quantity, unitCost })}>
            Add line
          </Button>
          <Button onClick={() => setPicked(null)}>Back</Button>
        </InlineStack>
      </BlockStack>
    );
  }

  return (
    <BlockStack gap="200">
      <TextField
        label="Add a line"
        placeholder="Search this vendor's products by title or SKU"
        autoComplete="off"
        value={query}
        onChange={setQuery}
        clearButton
        onClearButtonClick={() => setQuery("")}
      />
      {fetcher.data?.error && (
        <Text as="p" tone="critical">
          {fetcher.data.error}
        </Text>
      )}
      {query.trim() && !searching && fetcher.data && results.length === 0 && !fetcher.data.error && (
        <Text as="p" tone="subdued">
          No other variants of this vendor match “{query.trim()}”.
        </Text>
      )}
      {searching && results.length === 0 && (
        <Text as="p" tone="subdued">
          Searching…
        </Text>
      )}
      {results.map((v) => (
        <InlineStack key={v.id} align="space-between" blockAlign="center">
          <Text as="span">
            {v.title}
            {v.sku ? ` · ${v.sku}` : ""}
          </Text>
          <Button
            accessibilityLabel={`Add ${v.title}`}
            onClick={() => {
              setPicked(v);
              setUnitCost(v.unitCost);
            }}
          >
            Add
          </Button>
        </InlineStack>
      ))}
    </BlockStack>
  );
}
