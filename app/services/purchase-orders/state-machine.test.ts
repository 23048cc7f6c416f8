import { describe, expect, it } from "vitest";
import {
  PO_ACTIONS,
  PO_STATUSES,
  afterLineEdit,
  allowedActions,
  datesEditable,
  editDatesError,
  editLinesError,
  linesEditable,
  transition,
  type PoAction,
  type PoStatus,
} from "./state-machine";

const LEGAL: [PoStatus, PoAction, PoStatus][] = [
  ["draft", "submit", "pending_approval"],
  ["pending_approval", "approve", "approved"],
  ["pending_approval", "reject", "draft"],
  ["approved", "send", "sent"],
  ["sent", "receive_partial", "partially_received"],
  ["partially_received", "receive_partial", "partially_received"],
  ["sent", "receive_full", "received"],
  ["partially_received", "receive_full", "received"],
  ["received", "close", "closed"],
  ["partially_received", "close_short", "closed"],
  ["partially_received", "cancel_remainder", "closed"],
  ["draft", "cancel", "cancelled"],
  ["pending_approval", "cancel", "cancelled"],
  ["approved", "cancel", "cancelled"],
  ["sent", "cancel", "cancelled"],
];

describe("purchase-order state machine", () => {
  it("walks the full legal path", () => {
    let status: PoStatus = "draft";
    for (const action of ["submit", "approve", "send", "receive_partial", "receive_full", "close"] as const) {
      const result = transition(status, action);
      expect(result.ok, `${action} from ${status}`).toBe(true);
      if (result.ok) status = result.to;
    }
    expect(status).toBe("closed");
  });

  it.each(LEGAL)("%s --%s--> %s", (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  it("rejects every other pair with a message naming the status and the action", () => {
    const legal = new Set(LEGAL.map(([from, action]) => `${from}:${action}`));
    let illegal = 0;
    for (const from of PO_STATUSES) {
      for (const action of PO_ACTIONS) {
        if (legal.has(`${from}:${action}`)) continue;
        const result = transition(from, action);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/^An? [a-z ]*purchase order[a-z ]* can't (be|have its remainder) [a-z ]+$/);
        illegal++;
      }
    }
    expect(illegal).toBe(PO_STATUSES.length * PO_ACTIONS.length - LEGAL.length);
  });

  it("speaks the merchant's language", () => {
    expect(transition("sent", "approve")).toEqual({ ok: false, message: "A sent purchase order can't be approved" });
    expect(transition("draft", "approve")).toEqual({ ok: false, message: "A draft purchase order can't be approved" });
    expect(transition("closed", "cancel")).toEqual({ ok: false, message: "A closed purchase order can't be cancelled" });
    expect(transition("pending_approval", "send")).toEqual({ ok: false, message: "A purchase order awaiting approval can't be marked as sent" });
    expect(transition("received", "cancel")).toEqual({ ok: false, message: "A received purchase order can't be cancelled" });
  });

  it("reports an unknown stored status instead of guessing", () => {
    expect(transition("lost", "submit")).toEqual({ ok: false, message: 'This purchase order has an unknown status ("lost") and can\'t be changed' });
    expect(allowedActions("lost")).toEqual([]);
  });

  it("lists the allowed actions per status", () => {
    expect(allowedActions("draft")).toEqual(["submit", "cancel"]);
    expect(allowedActions("pending_approval")).toEqual(["approve", "reject", "cancel"]);
    expect(allowedActions("cancelled")).toEqual([]);
    expect(allowedActions("closed")).toEqual([]);
    expect(allowedActions("partially_received")).toEqual(["receive_partial", "receive_full", "close_short", "cancel_remainder"]);
  });

  it("offers a way out only after a partial receipt", () => {
    expect(transition("sent", "close_short")).toEqual({ ok: false, message: "A sent purchase order can't be closed short" });
    expect(transition("received", "cancel_remainder")).toEqual({ ok: false, message: "A received purchase order can't have its remainder cancelled" });
    expect(transition("partially_received", "cancel")).toEqual({ ok: false, message: "A partially received purchase order can't be cancelled" });
  });

  it("lets lines change until the PO is sent, and sends an approved PO back for approval", () => {
    expect(PO_STATUSES.filter(linesEditable)).toEqual(["draft", "pending_approval", "approved"]);
    expect(afterLineEdit("draft")).toEqual({ ok: true, to: "draft", backToApproval: false });
    expect(afterLineEdit("pending_approval")).toEqual({ ok: true, to: "pending_approval", backToApproval: false });
    expect(afterLineEdit("approved")).toEqual({ ok: true, to: "pending_approval", backToApproval: true });
    expect(editLinesError("draft")).toBeNull();
    expect(editLinesError("sent")).toBe("A sent purchase order can't be edited — only its dates can change, or close it short");
    expect(editLinesError("received")).toBe("A received purchase order can't be edited");
    expect(editLinesError("lost")).toBe('This purchase order has an unknown status ("lost") and can\'t be changed');
  });

  it("lets dates change in every open status", () => {
    expect(PO_STATUSES.filter(datesEditable)).toEqual(["draft", "pending_approval", "approved", "sent", "partially_received"]);
    expect(editDatesError("partially_received")).toBeNull();
    expect(editDatesError("closed")).toBe("A closed purchase order is finished: its dates can't change");
  });
});
