import { describe, expect, it } from "vitest";
import { localDate } from "./local-date";

describe("localDate", () => {
  it("books 23:30 in Los Angeles on that evening's date, not the UTC date", () => {
    const instant = new Date("2026-11-20T23:30:00-08:00");
    expect(localDate(instant, "America/Los_Angeles")).toBe("2026-11-20");
    expect(localDate(instant, "UTC")).toBe("2026-11-21");
  });

  it("follows daylight saving and half-hour zones", () => {
    expect(localDate(new Date("2026-03-08T07:59:00Z"), "America/New_York")).toBe("2026-03-08"); // 02:59 EST→EDT day
    expect(localDate(new Date("2026-11-20T18:29:00Z"), "Asia/Kolkata")).toBe("2026-11-20"); // 23:59 IST
    expect(localDate(new Date("2026-11-20T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-21"); // 00:00 IST
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(localDate(new Date("2026-11-20T23:30:00Z"), "Mars/Olympus_Mons")).toBe("2026-11-20");
  });
});
