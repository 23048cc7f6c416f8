import { describe, expect, it } from "vitest";
import { averageSalesCoverPolicy, inStockVelocityCoverPolicy } from "./cover-rules";
import type { ReviewContext } from "./simulate";

const ctx = (sales: number[], openedEmpty: boolean[], onHand = 0, onOrder = 0): ReviewContext =>
  Object.freeze({
    day: sales.length,
    sales: Object.freeze(sales),
    stockedOut: Object.freeze([...openedEmpty.slice(1), false]),
    openedEmpty: Object.freeze(openedEmpty),
    onHand,
    onOrder,
    observedLeadTimes: [],
  });

describe("averageSalesCoverPolicy", () => {
  it("orders up to 30-day average × (L + cover)", () => {
    const p = averageSalesCoverPolicy({ leadTimeDays: 14, coverDays: 16 });
    const sales = new Array<number>(40).fill(2); // average 2/day → target 60
    expect(p(ctx(sales, new Array<boolean>(40).fill(false), 20, 10))).toBe(30);
    expect(p(ctx(sales, new Array<boolean>(40).fill(false), 70, 0))).toBe(0);
  });
  it("counts stock-out days as zero sales (the rule's weakness)", () => {
    const p = averageSalesCoverPolicy({ leadTimeDays: 10, coverDays: 20 });
    const sales = [...new Array<number>(15).fill(2), ...new Array<number>(15).fill(0)];
    expect(p(ctx(sales, [...new Array<boolean>(15).fill(false), ...new Array<boolean>(15).fill(true)]))).toBe(30);
  });
  it("rejects bad options", () => {
    expect(() => averageSalesCoverPolicy({ leadTimeDays: 1, coverDays: -1 })).toThrow(new RangeError("coverDays must be a non-negative finite number"));
  });
});

describe("inStockVelocityCoverPolicy", () => {
  it("uses sales per in-stock day and a fixed minimum", () => {
    const p = inStockVelocityCoverPolicy({ leadTimeDays: 10, coverDays: 20, minimumUnits: 5 });
    const sales = [...new Array<number>(15).fill(2), ...new Array<number>(15).fill(0)];
    const out = [...new Array<boolean>(15).fill(false), ...new Array<boolean>(15).fill(true)];
    expect(p(ctx(sales, out))).toBe(60); // 2/day on in-stock days × 30
    expect(p(ctx(new Array<number>(30).fill(0), new Array<boolean>(30).fill(false), 1))).toBe(4); // minimum 5
  });
});
