import { ConfirmModal } from "./ConfirmModal";

export type ConfirmIntent = "cancel" | "close" | "reject" | "close_short" | "cancel_remainder";
export const CONFIRM_INTENTS: readonly string[] = ["cancel", "close", "reject", "close_short", "cancel_remainder"];

export interface PoConfirmModalsProps {
  open: ConfirmIntent | null;
  /** Remount key: the PO's version (a saved change resets the reason fields). */
  version: number;
  number: string;
  status: string;
  /** Units ordered and not yet received. */
  outstandingUnits: number;
  busyIntent: string;
  onConfirm: (intent: ConfirmIntent, reason: string) => void;
  onClose: () => void;
}

const units = (n: number) => `${n.toLocaleString("en-US")} unit${n === 1 ? "" : "s"}`;

/** What cancelling does, in the PO's status: which units stop counting, and what to tell the vendor. */
export function cancelConsequence(status: string, outstanding: number): string {
  if (status === "draft" || status === "pending_approval") {
    return `Nothing has been ordered yet. Its ${units(outstanding)} will no longer be deducted from suggestions. This can't be undone.`;
  }
  const tell = status === "sent" ? "The vendor already has this order: tell them it is cancelled. " : "";
  return `${tell}Its ${units(outstanding)} will no longer count as on order, and the plan re-runs for these products. This can't be undone.`;
}

/** The confirmation step of every destructive or final PO action, saying what will happen. */
export function PoConfirmModals({ open, version, number, status, outstandingUnits, busyIntent, onConfirm, onClose }: PoConfirmModalsProps) {
  const offOrder = `The ${units(outstandingUnits)} not yet received will no longer count as on order, and the plan re-runs for these products. No more receipts can be recorded on it. This can't be undone.`;
  // What each modal says, in the order they are rendered.
  const modals: { intent: ConfirmIntent; title: string; body: string; confirmLabel: string; destructive?: boolean; reason?: "optional" | "required" }[] = [
    { intent: "cancel", title: `Cancel ${number}?`, body: cancelConsequence(status, outstandingUnits), confirmLabel: "Cancel purchase order", destructive: true, reason: "optional" },
    {
      intent: "close",
      title: `Close ${number}?`,
      body: "Everything has been received. Closing files it away: no more receipts or changes can be recorded on it. This can't be undone.",
      confirmLabel: "Close purchase order",
    },
    { intent: "close_short", title: `Close ${number} short?`, body: `Use this when the vendor won't ship the rest. ${offOrder}`, confirmLabel: "Close short", destructive: true },
    {
      intent: "cancel_remainder",
      title: `Cancel the rest of ${number}?`,
      body: `Use this when you no longer want the rest: tell the vendor. ${offOrder}`,
      confirmLabel: "Cancel the remainder",
      destructive: true,
      reason: "required",
    },
    {
      intent: "reject",
      title: `Reject ${number}?`,
      body: "It goes back to draft with your reason, so whoever drafted it can fix it and resubmit.",
      confirmLabel: "Reject",
      destructive: true,
      reason: "required",
    },
  ];
  return (
    <>
      {modals.map(({ intent, ...copy }) => (
        <ConfirmModal
          key={`${intent}-${version}`}
          {...copy}
          open={open === intent}
          loading={busyIntent === intent}
          onClose={onClose}
          onConfirm={(reason) => onConfirm(intent, reason)}
        />
      ))}
    </>
  );
}
