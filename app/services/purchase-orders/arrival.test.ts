import { describe, expect, it } from "vitest";
import { arrivalDay, daysLate, daysLateLabel } from "./arrival";

describe("PO arrival and days late", () => {
  it("prefers the vendor-confirmed ETA over the expected date", () => {
    expect(arrivalDay("2026-12-20T00:00:00.000Z", "2026-12-27T00:00:00.000Z")).toBe("2026-12-27");
    expect(arrivalDay("2026-12-20T00:00:00.000Z", null)).toBe("2026-12-20");
    expect(arrivalDay(null, null)).toBeNull();
  });

  it("counts whole calendar days past the arrival day, only while the vendor owes the goods", () => {
    // Worked example from the issue: a PO 13 days late.
    expect(daysLate("sent", "2026-12-01", "2026-12-14")).toBe(13);
    expect(daysLate("partially_received", "2026-12-13", "2026-12-14")).toBe(1);
    expect(daysLate("sent", "2026-12-14", "2026-12-14")).toBeNull();
    expect(daysLate("sent", "2026-12-20", "2026-12-14")).toBeNull();
    expect(daysLate("approved", "2026-12-01", "2026-12-14")).toBeNull();
    expect(daysLate("received", "2026-12-01", "2026-12-14")).toBeNull();
    expect(daysLate("sent", null, "2026-12-14")).toBeNull();
  });

  it("says it in words", () => {
    expect(daysLateLabel(1)).toBe("1 day late");
    expect(daysLateLabel(13)).toBe("13 days late");
  });
});
