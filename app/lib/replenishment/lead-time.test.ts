import { describe, expect, it } from "vitest";
import { blendLeadTime } from "./lead-time";

describe("blendLeadTime", () => {
  it("returns the stated lead time and its prior spread with no receipts", () => {
    expect(blendLeadTime({ statedDays: 10, observedDays: Object.freeze([]) })).toEqual({ meanDays: 10, sdDays: 2, observations: 0 });
  });
  it("shrinks observed receipts toward the stated value (worked example)", () => {
    const observedDays = Object.freeze([12, 14, 13, 15, 11]);
    const r = blendLeadTime({ statedDays: 10, observedDays });
    // mean = (3·10 + 5·13)/8 = 11.875; σ² = (3·4 + 10 + (15/8)·9)/8 = 4.859375
    expect(r.meanDays).toBeCloseTo(11.875, 10);
    expect(r.sdDays).toBeCloseTo(Math.sqrt(4.859375), 10);
    expect(r.observations).toBe(5);
  });
  it("tends to the sample moments with many receipts", () => {
    const obs = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 18 : 22));
    const r = blendLeadTime({ statedDays: 10, observedDays: obs });
    expect(r.meanDays).toBeCloseTo(20, 1);
    expect(r.sdDays).toBeGreaterThan(2);
    expect(r.sdDays).toBeLessThan(2.3);
  });
  it("honours a custom prior weight and cv", () => {
    const r = blendLeadTime({ statedDays: 10, observedDays: [20], priorWeight: 1, statedCv: 0 });
    // mean (10 + 20)/2 = 15; σ² = (0 + 0 + 0.5·100)/2 = 25
    expect(r).toEqual({ meanDays: 15, sdDays: 5, observations: 1 });
  });
  it("rejects bad inputs", () => {
    expect(() => blendLeadTime({ statedDays: 0, observedDays: [] })).toThrow(new RangeError("statedDays must be a positive finite number"));
    expect(() => blendLeadTime({ statedDays: 5, observedDays: [-1] })).toThrow(
      new RangeError("observedDays must be a non-negative finite number")
    );
    expect(() => blendLeadTime({ statedDays: 5, observedDays: [], priorWeight: 0 })).toThrow(
      new RangeError("priorWeight must be a positive finite number")
    );
  });
});
