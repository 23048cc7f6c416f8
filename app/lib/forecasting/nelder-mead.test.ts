import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead";

describe("nelderMead", () => {
  it("finds the minimum of a quadratic and of Rosenbrock", () => {
    const q = nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]);
    expect(q.x[0]).toBeCloseTo(1, 3);
    expect(q.x[1]).toBeCloseTo(-2, 3);
    const r = nelderMead(([a, b]) => 100 * (b - a * a) ** 2 + (1 - a) ** 2, [-1.2, 1], { maxEvaluations: 5000, relTol: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1, 2);
  });
  it("stays inside bounds and is deterministic", () => {
    const f = ([a]: Float64Array) => (a - 5) ** 2;
    const r = nelderMead(f, [0.5], { lower: [0], upper: [1] });
    expect(r.x[0]).toBeLessThanOrEqual(1);
    expect(r.x[0]).toBeGreaterThan(0.99);
    expect(nelderMead(f, [0.5], { lower: [0], upper: [1] })).toEqual(r);
  });
  it("rejects an empty or infeasible start", () => {
    expect(() => nelderMead(() => 0, [])).toThrow(new RangeError("nelderMead requires at least one parameter"));
    expect(() => nelderMead(() => Infinity, [1])).toThrow(
      new RangeError("nelderMead requires a finite objective at the starting point")
    );
  });
});
