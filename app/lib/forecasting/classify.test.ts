import { describe, expect, it } from "vitest";
import { classifyDemand } from "./classify";

const weeks = (n: number, f: (t: number) => number) => Object.freeze(Array.from({ length: n * 7 }, (_, t) => f(t)));

describe("classifyDemand (Syntetos–Boylan 2005 cut-offs ADI 1.32, CV² 0.49)", () => {
  it("smooth: frequent demand of stable size", () => {
    const c = classifyDemand(weeks(10, (t) => 5 + (t % 2)));
    expect(c.demandClass).toBe("smooth");
    expect(c.adi).toBe(1);
    expect(c.cv2).toBeLessThan(0.49);
  });
  it("erratic: frequent demand of variable size", () => {
    expect(classifyDemand(weeks(10, (t) => (t % 3 === 0 ? 20 : 1))).demandClass).toBe("erratic");
  });
  it("intermittent: infrequent demand of stable size", () => {
    const c = classifyDemand(weeks(10, (t) => (t % 3 === 0 ? 4 : 0)));
    expect(c.demandClass).toBe("intermittent");
    expect(c.adi).toBeCloseTo(70 / 24, 9);
  });
  it("lumpy: infrequent demand of variable size", () => {
    expect(classifyDemand(weeks(10, (t) => (t % 3 === 0 ? (t % 2 ? 30 : 1) : 0))).demandClass).toBe("lumpy");
  });
  it("new: fewer than 8 weeks since the first sale", () => {
    expect(classifyDemand([0, 0, ...weeks(7, () => 3)]).demandClass).toBe("new");
  });
  it("dead: no sale in the lookback, or never", () => {
    expect(classifyDemand([...weeks(10, () => 3), ...weeks(27, () => 0)]).demandClass).toBe("dead");
    expect(classifyDemand(weeks(3, () => 0)).demandClass).toBe("dead");
  });
  it("ignores unknown (NaN) periods", () => {
    const y = weeks(10, (t) => (t % 7 === 5 ? NaN : 4));
    expect(classifyDemand(y).adi).toBe(1);
  });
  it("weekly data uses one period per week", () => {
    expect(classifyDemand(new Array(10).fill(2), { periodsPerWeek: 1 }).demandClass).toBe("smooth");
    expect(() => classifyDemand([1], { periodsPerWeek: 0 })).toThrow(new RangeError("periodsPerWeek must be positive"));
  });
});
