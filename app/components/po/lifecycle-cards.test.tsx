// The PO page's lifecycle pieces render what the loader returns (server-side render, no browser): days late,
// the side card after a remainder was cancelled, and what each confirmation says will happen.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DetailsCard, type PoDetails } from "./DetailsCard";
import { OverdueBadge } from "./OverdueBadge";
import { cancelConsequence } from "./PoConfirmModals";

const html = (node: ReactNode) => renderToString(<AppProvider i18n={en}>{node}</AppProvider>).replace(/<!-- -->/g, "");
const noop = () => {};

const PO: PoDetails = {
  status: "closed",
  vendor: { name: "Acme", email: "orders@acme.test", contactName: null },
  destination: "Warehouse",
  currency: "USD",
  total: "120.00",
  expectedAt: "2026-12-01T00:00:00.000Z",
  confirmedEta: null,
  daysLate: null,
  createdAt: "2026-11-20T10:00:00.000Z",
  createdBy: "Olive Owner",
  submittedAt: null,
  approvedAt: null,
  approvedBy: null,
  sentAt: "2026-11-21T10:00:00.000Z",
  sentTo: "manual",
  closedAt: "2026-12-05T10:00:00.000Z",
  cancelledAt: null,
  cancelReason: "Found a cheaper vendor",
  rejectedReason: null,
  notes: null,
};

describe("PO lifecycle cards", () => {
  it("badges days late, and nothing when on time", () => {
    expect(html(<OverdueBadge daysLate={13} />)).toContain("13 days late");
    expect(html(<OverdueBadge daysLate={1} />)).toContain("1 day late");
    expect(html(<OverdueBadge daysLate={null} />)).not.toContain("late");
  });

  it("names a cancelled remainder and its reason, and offers date changes only while open", () => {
    const closed = html(<DetailsCard po={PO} canEditDates={false} onEditDates={noop} />);
    expect(closed).toContain("Remainder cancelled");
    expect(closed).toContain("Why the remainder was cancelled");
    expect(closed).toContain("Not confirmed");
    expect(closed).not.toContain("Change dates");
    const open = html(<DetailsCard po={{ ...PO, status: "sent", closedAt: null, cancelReason: null, confirmedEta: "2026-12-09T00:00:00.000Z", daysLate: 2 }} canEditDates onEditDates={noop} />);
    expect(open).toContain("Change dates");
    expect(open).toContain("Dec 9, 2026");
    expect(open).toContain("2 days late");
  });

  it("says what cancelling does in each status", () => {
    expect(cancelConsequence("draft", 12)).toBe("Nothing has been ordered yet. Its 12 units will no longer be deducted from suggestions. This can't be undone.");
    expect(cancelConsequence("approved", 1)).toBe("Its 1 unit will no longer count as on order, and the plan re-runs for these products. This can't be undone.");
    expect(cancelConsequence("sent", 12)).toMatch(/^The vendor already has this order: tell them it is cancelled\. Its 12 units will no longer count as on order/);
  });
});
