import { describe, expect, it } from "vitest";
import { formatShopTime, shopTimeLabel } from "./dates";

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

describe("formatShopTime", () => {
  it("shows an instant in the shop's time zone, with its name", () => {
    expect(formatShopTime("2026-12-07T18:32:00Z", "America/Los_Angeles")).toBe("Dec 7, 2026, 10:32 AM PST");
    expect(formatShopTime(new Date("2026-12-07T18:32:00Z"), "Asia/Tokyo", "recent")).toBe("Dec 8, 3:32 AM GMT+9");
    // 03:00 UTC is still the evening before in Los Angeles.
    expect(formatShopTime("2026-12-07T03:00:00Z", "America/Los_Angeles", "day")).toBe("Dec 6");
  });

  it("falls back to UTC, saying so, for a time zone the runtime does not know", () => {
    expect(formatShopTime("2026-12-07T18:32:00Z", "Mars/Olympus")).toBe("Dec 7, 2026, 6:32 PM UTC");
    expect(formatShopTime("2026-12-07T18:32:00Z", "Mars/Olympus", "day")).toBe("Dec 7");
  });
});
