import { describe, expect, it } from "vitest";
import { runsKeepingForecasts } from "./plan-retention";

describe("runsKeepingForecasts", () => {
  it("keeps the earliest plan of each 7-day bucket within 42 days, and nothing older or in the future", () => {
    // 2026-11-02 is a Monday; buckets run Monday–Sunday (anchored on Monday 2000-01-03).
    const runs = [
      { id: "mon", asOfDate: "2026-11-02" },
      { id: "tue", asOfDate: "2026-11-03" },
      { id: "sun", asOfDate: "2026-11-08" },
      { id: "next-mon", asOfDate: "2026-11-09" },
      { id: "edge", asOfDate: "2026-10-01" }, // 42 days old: kept
      { id: "old", asOfDate: "2026-09-30" },
      { id: "future", asOfDate: "2026-11-30" },
    ];
    expect([...runsKeepingForecasts(runs, "2026-11-12")].sort()).toEqual(["edge", "mon", "next-mon"]);
  });

  it("is stable for runs on the same date (the smaller id wins)", () => {
    const runs = [
      { id: "b", asOfDate: "2026-11-10" },
      { id: "a", asOfDate: "2026-11-10" },
    ];
    expect([...runsKeepingForecasts(runs, "2026-11-12")]).toEqual(["a"]);
  });
});
