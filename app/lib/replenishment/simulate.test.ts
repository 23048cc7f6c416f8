import { describe, expect, it } from "vitest";
import { drawLeadTimes, mulberry32, simulateInventory, type ReviewContext } from "./simulate";

describe("simulateInventory", () => {
  it("stocks instantly at the start and serves demand (worked example)", () => {
    const r = simulateInventory({
      demand: Object.freeze([1, 1, 1, 1]),
      startDay: 1,
      reviewPeriodDays: 7,
      leadTimeByDay: Object.freeze([1, 1, 1, 1]),
      policy: () => 3,
    });
    expect(r).toEqual({ days: 3, demand: 3, sold: 3, lost: 0, fillRate: 1, stockoutDays: 0, averageOnHand: 1, orders: 0 });
  });
  it("loses unmet demand and receives orders after their lead time", () => {
    // start day 0 with 2 units; review on day 2 orders 5 arriving day 4 (lead time 2).
    const seen: ReviewContext[] = [];
    const r = simulateInventory({
      demand: [1, 1, 3, 1, 1, 1],
      startDay: 0,
      reviewPeriodDays: 2,
      leadTimeByDay: [2, 2, 2, 2, 2, 2],
      policy: (ctx) => {
        seen.push({ ...ctx, sales: [...ctx.sales], stockedOut: [...ctx.stockedOut], openedEmpty: [...ctx.openedEmpty] });
        return ctx.day === 0 ? 2 : ctx.day === 2 ? 5 : 0;
      },
    });
    // day0 sell1 (1), day1 sell1 (0), day2 lose 3, day3 lose 1, day4 +5 sell1 (4), day5 sell1 (3)
    expect(r.sold).toBe(4);
    expect(r.lost).toBe(4);
    expect(r.fillRate).toBe(0.5);
    expect(r.stockoutDays).toBe(2);
    expect(r.orders).toBe(1);
    expect(r.averageOnHand).toBeCloseTo((1 + 0 + 0 + 0 + 4 + 3) / 6, 12);
    expect(seen[1]).toMatchObject({ day: 2, sales: [1, 1], stockedOut: [false, true], openedEmpty: [false, false], onHand: 0, onOrder: 0 });
    expect(seen[2]).toMatchObject({ day: 4, sales: [1, 1, 0, 0], openedEmpty: [false, false, true, true], onHand: 5, onOrder: 0, observedLeadTimes: [2] });
  });
  it("rejects bad inputs", () => {
    const base = { demand: [1], startDay: 0, reviewPeriodDays: 7, leadTimeByDay: [1], policy: () => 1 };
    expect(() => simulateInventory({ ...base, leadTimeByDay: [] })).toThrow(new RangeError("leadTimeByDay must cover every day"));
    expect(() => simulateInventory({ ...base, leadTimeByDay: [0] })).toThrow(new RangeError("leadTimeByDay must hold positive integers"));
    expect(() => simulateInventory({ ...base, reviewPeriodDays: 0 })).toThrow(new RangeError("reviewPeriodDays must be a positive integer"));
    expect(() => simulateInventory({ ...base, policy: () => -1 })).toThrow(new RangeError("policy must return a non-negative finite number"));
  });
});

describe("drawLeadTimes", () => {
  it("is deterministic per seed, integer and ≥ 1", () => {
    const a = drawLeadTimes({ days: 500, meanDays: 14, sdDays: 3, seed: 7 });
    expect(drawLeadTimes({ days: 500, meanDays: 14, sdDays: 3, seed: 7 })).toEqual(a);
    expect(a.every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    const sd = Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
    expect(mean).toBeGreaterThan(13.5);
    expect(mean).toBeLessThan(14.5);
    expect(sd).toBeGreaterThan(2.6);
    expect(sd).toBeLessThan(3.4);
    expect(drawLeadTimes({ days: 3, meanDays: 14, sdDays: 0, seed: 1 })).toEqual([14, 14, 14]);
  });
  it("rejects bad inputs", () => {
    expect(() => drawLeadTimes({ days: 1, meanDays: 0, sdDays: 0, seed: 1 })).toThrow(new RangeError("meanDays must be a positive finite number"));
  });
  it("mulberry32 yields uniforms in [0, 1)", () => {
    const u = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = u();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
