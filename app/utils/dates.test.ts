import { describe, expect, it } from "vitest";
import { shopTimeLabel } from "./dates";

describe("shopTimeLabel", () => {
  it("shows the moment in the shop's time zone", () => {
    const at = new Date("2026-12-07T18:32:00Z");
    expect(shopTimeLabel(at, "America/Los_Angeles")).toBe("Dec 7, 10:32 AM");
    expect(shopTimeLabel(at, "Asia/Tokyo")).toBe("Dec 8, 3:32 AM");
  });

  it("falls back to UTC, saying so, for a time zone the runtime does not know", () => {
    expect(shopTimeLabel(new Date("2026-12-07T18:32:00Z"), "Mars/Olympus")).toBe("Dec 7, 6:32 PM UTC");
  });
});
