// The receive form and the receipts card render what the loader returns (server-side render, no browser):
// outstanding quantities as defaults, the over-receipt confirmation, push statuses and Retry buttons.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReceiptsCard, type ReceiptEntry } from "./ReceiptsCard";
import { ReceivePanel } from "./ReceivePanel";

const html = (node: ReactNode) => renderToString(<AppProvider i18n={en}>{node}</AppProvider>).replace(/<!-- -->/g, "");
const noop = () => {};

const LINES = [
  { id: "l1", product: "Tent", variant: "Green", sku: "T-G", quantityOrdered: 10, quantityReceived: 4 },
  { id: "l2", product: "Tent", variant: "Blue", sku: null, quantityOrdered: 3, quantityReceived: 3 },
];

describe("ReceivePanel", () => {
  it("starts each line at what is outstanding", () => {
    const out = html(<ReceivePanel lines={LINES} loading={false} serverOverReceipt={false} onReceive={noop} />);
    expect(out).toContain("Receive items");
    expect(out).toContain('value="6"');
    expect(out).toContain('value="0"');
    expect(out).toContain("6 units");
    expect(out).not.toContain("More than ordered");
  });

  it("asks for an explicit confirmation when the server refused an over-receipt", () => {
    const out = html(<ReceivePanel lines={LINES} loading={false} serverOverReceipt onReceive={noop} />);
    expect(out).toContain("More than ordered");
    expect(out).toContain("Yes, the vendor sent more than ordered — record the extra units and add them to inventory");
  });
});

const RECEIPT: ReceiptEntry = {
  id: "r1",
  receivedAt: "2026-11-22T10:00:00.000Z",
  receivedBy: "Olive Owner",
  pushStatus: "failed",
  pushError: "Shopify couldn't be reached: HTTP 503",
  pushedAt: null,
  units: 6,
  lines: [{ purchaseOrderLineId: "l1", quantity: 6 }],
};

describe("ReceiptsCard", () => {
  const name = (id: string) => (id === "l1" ? "Tent Green" : "?");

  it("shows a failed push with its error and a Retry button", () => {
    const out = html(<ReceiptsCard receipts={[RECEIPT]} lineName={name} canRetry retrying={null} onRetry={noop} />);
    expect(out).toContain("6 units received");
    expect(out).toContain("Not sent to Shopify");
    expect(out).toContain("Shopify couldn&#x27;t be reached: HTTP 503");
    expect(out).toContain("Tent Green × 6");
    expect(out).toContain(">Retry<");
  });

  it("labels pushed and demo receipts, with no Retry", () => {
    const out = html(
      <ReceiptsCard
        receipts={[
          { ...RECEIPT, id: "r2", pushStatus: "pushed", pushError: null, pushedAt: "2026-11-22T10:00:01.000Z" },
          { ...RECEIPT, id: "r3", pushStatus: "local", pushError: null },
        ]}
        lineName={name}
        canRetry
        retrying={null}
        onRetry={noop}
      />,
    );
    expect(out).toContain("Sent to Shopify");
    expect(out).toContain("Applied locally, not sent to Shopify");
    expect(out).not.toContain(">Retry<");
  });

  it("renders nothing without receipts", () => {
    expect(html(<ReceiptsCard receipts={[]} lineName={name} canRetry retrying={null} onRetry={noop} />)).not.toContain("Receipts");
  });
});
