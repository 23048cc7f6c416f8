import { describe, expect, it } from "vitest";
import { densify, prepareSeries } from "./prepare";

describe("densify", () => {
  it("fills missing days with zero and sums duplicates", () => {
    expect(Array.from(densify([0, 2, 2], [5, 1, 1], 0, 3))).toEqual([5, 0, 2, 0]);
  });
  it("rejects days outside the calendar", () => {
    expect(() => densify([5], [1], 0, 3)).toThrow(new RangeError("day outside the calendar"));
    expect(() => densify([0], [1, 2], 0, 3)).toThrow(new RangeError("day and qty must have the same length"));
    expect(() => densify([], [], 3, 0)).toThrow(new RangeError("lastDay must not be before firstDay"));
  });
});

describe("prepareSeries", () => {
  it("trims leading zeros before the first sale", () => {
    const p = prepareSeries(Object.freeze([0, 0, 3, 1, 0, 2]));
    expect(Array.from(p.values)).toEqual([3, 1, 0, 2]);
    expect(p.offset).toBe(2);
  });

  it("treats stock-out and closed days as unknown demand (NaN), never zero", () => {
    const p = prepareSeries([2, 0, 0, 3, 0], { stockoutMask: [0, 1, 0, 0, 0], closedMask: [false, false, false, false, true] });
    expect(Number.isNaN(p.values[1])).toBe(true);
    expect(Number.isNaN(p.values[4])).toBe(true);
    expect(p.values[2]).toBe(0);
    expect(p.unknown).toBe(2);
  });

  it("caps a single huge order and reports it", () => {
    const y = [1, 2, 1, 3, 2, 0, 0, 2, 1, 5000, 2, 1];
    const p = prepareSeries(y);
    expect(p.capped).toHaveLength(1);
    expect(p.capped[0]).toMatchObject({ index: 9, original: 5000 });
    expect(p.values[9]).toBe(p.cap);
    expect(p.cap).toBeLessThan(20);
    expect(prepareSeries(y, { outlierK: 0 }).capped).toHaveLength(0);
  });

  it("keeps ordinary variation", () => {
    expect(prepareSeries([3, 5, 4, 6, 2, 7, 5, 4]).capped).toHaveLength(0);
  });

  it("validates inputs", () => {
    expect(() => prepareSeries([1, -1])).toThrow(new RangeError("demand must be non-negative"));
    expect(() => prepareSeries([1, 2], { stockoutMask: [0] })).toThrow(
      new RangeError("stockoutMask must have the same length as the series")
    );
    expect(() => prepareSeries([1, 2], { closedMask: [0] })).toThrow(
      new RangeError("closedMask must have the same length as the series")
    );
    expect(() => prepareSeries([1], { outlierK: -1 })).toThrow(new RangeError("outlierK must be non-negative"));
  });
});
