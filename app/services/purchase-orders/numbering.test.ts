import { describe, expect, it } from "vitest";
import { localDatePlusDays, nextPoNumber } from "./numbering";

describe("PO numbering", () => {
  it("starts at PO-1001 and continues after the highest number, ignoring other formats", () => {
    expect(nextPoNumber([])).toBe(1001);
    expect(nextPoNumber(["PO-1001", "PO-1046", "PO-1009"])).toBe(1047);
    expect(nextPoNumber(["PO-99999", "PO-1002"])).toBe(100000); // numeric, not string, order
    expect(nextPoNumber(["EXT-5000", "PO-12a"])).toBe(1001);
  });
});

describe("expected dates", () => {
  it("counts lead-time days from the shop's local calendar day", () => {
    const lateEvening = new Date("2026-11-21T05:00:00Z"); // Nov 20, 21:00 in Los Angeles
    expect(localDatePlusDays(lateEvening, "America/Los_Angeles", 10).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(localDatePlusDays(lateEvening, "UTC", 10).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(localDatePlusDays(new Date("2026-12-25T12:00:00Z"), "Europe/Berlin", 14).toISOString()).toBe("2027-01-08T00:00:00.000Z");
  });
});
