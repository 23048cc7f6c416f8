import { describe, expect, it } from "vitest";
import { cellServiceLevel, classifyAbc, classifyAbcXyz, classifyXyz, demandCv, DEFAULT_SERVICE_LEVELS } from "./abc-xyz";

describe("classifyAbc", () => {
  it("splits by cumulative revenue share before each item (80/95)", () => {
    const items = Object.freeze([
      Object.freeze({ id: "c", revenueCents: 50 }),
      Object.freeze({ id: "a", revenueCents: 800 }),
      Object.freeze({ id: "b", revenueCents: 150 }),
    ]);
    expect(classifyAbc(items)).toEqual({ a: "A", b: "B", c: "C" });
  });
  it("puts zero-revenue items in C and breaks ties by id", () => {
    expect(classifyAbc([{ id: "y", revenueCents: 5 }, { id: "x", revenueCents: 5 }, { id: "z", revenueCents: 0 }])).toEqual({ x: "A", y: "A", z: "C" });
  });
  it("rejects bad input", () => {
    expect(() => classifyAbc([{ id: "a", revenueCents: 1.5 }])).toThrow(new RangeError("revenueCents must be a non-negative integer"));
    expect(() => classifyAbc([], { aShare: 0.9, bShare: 0.8 })).toThrow(new RangeError("shares must satisfy 0 < aShare < bShare < 1"));
  });
});

describe("classifyXyz", () => {
  it("uses the coefficient of variation (population σ)", () => {
    expect(demandCv([10, 10, 10, 10])).toBe(0);
    expect(demandCv([0, 20])).toBe(1);
    expect(demandCv([0, 0])).toBeNull();
    expect(classifyXyz(Object.freeze([10, 12, 9, 11]))).toBe("X");
    expect(classifyXyz([0, 20])).toBe("Y");
    expect(classifyXyz([0, 0, 40, 0])).toBe("Z"); // CV = √3 = 1.73
    expect(classifyXyz([])).toBe("Z");
  });
  it("rejects bad thresholds and negative demand", () => {
    expect(() => classifyXyz([1], { xMax: 1, yMax: 0.5 })).toThrow(new RangeError("thresholds must satisfy 0 < xMax < yMax"));
    expect(() => demandCv([-1])).toThrow(new RangeError("demand must be a non-negative finite number"));
  });
});

describe("classifyAbcXyz", () => {
  it("maps the matrix to default service levels", () => {
    const r = classifyAbcXyz([
      { id: "mug", revenueCents: 90_000, demand: [10, 11, 9] },
      { id: "vase", revenueCents: 10_000, demand: [0, 0, 5] },
    ]);
    expect(r).toEqual([
      { id: "mug", abc: "A", xyz: "X", serviceLevel: 0.98 },
      { id: "vase", abc: "B", xyz: "Z", serviceLevel: 0.92 },
    ]);
    expect(DEFAULT_SERVICE_LEVELS.CZ).toBe(0.85);
  });
});

describe("cellServiceLevel", () => {
  it("gives back the default matrix from the default X cells, and the class level itself for X", () => {
    for (const abc of ["A", "B", "C"] as const)
      for (const xyz of ["X", "Y", "Z"] as const) expect(cellServiceLevel(DEFAULT_SERVICE_LEVELS[`${abc}X`], abc, xyz)).toBeCloseTo(DEFAULT_SERVICE_LEVELS[`${abc}${xyz}`], 12);
    expect(cellServiceLevel(0.9731, "B", "X")).toBe(0.9731);
  });
  it("steps Y and Z down on the log-odds scale, staying inside (0, 1) at any class level", () => {
    // Worked example: B at 95% → logit 2.944; BZ's step logit(0.92) − logit(0.96) = −0.736 → logit 2.208 → 90.10%.
    expect(cellServiceLevel(0.95, "B", "Z")).toBeCloseTo(0.901, 3);
    expect(cellServiceLevel(0.9999, "C", "Z")).toBeGreaterThan(0.999);
    const low = cellServiceLevel(0.5, "C", "Z");
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(cellServiceLevel(0.5, "C", "Y"));
    expect(() => cellServiceLevel(1, "A", "Y")).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
  });
});
