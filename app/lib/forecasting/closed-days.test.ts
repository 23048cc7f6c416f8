import { describe, expect, it } from "vitest";
import { closedDays } from "./closed-days";

const CLOSED_DAY_MIN_ACTIVE = 20; // the rule's default

describe("closedDays", () => {
  it("marks a day without sales while 20 series are on sale (worked example)", () => {
    const spans = Array.from({ length: 20 }, () => [0, 2] as const);
    expect(Array.from(closedDays([5, 0, 3], spans))).toEqual([0, 1, 0]);
  });

  it("needs the minimum number of series on sale that day, counted from first to last sale", () => {
    const spans: [number, number][] = [...Array.from({ length: CLOSED_DAY_MIN_ACTIVE - 1 }, () => [0, 4] as [number, number]), [3, 9]];
    // day 1: 19 on sale → open; day 3: 20 on sale → closed; day 6: only one series left → open
    expect(Array.from(closedDays([1, 0, 1, 0, 1, 1, 0, 1, 1, 1], spans))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it("clips spans to the window and ignores empty ones", () => {
    const spans: [number, number][] = [...Array.from({ length: 20 }, () => [-5, 50] as [number, number]), [3, 1]];
    expect(Array.from(closedDays([0, 2], spans))).toEqual([1, 0]);
    expect(Array.from(closedDays([0, 0], []))).toEqual([0, 0]);
  });
});
