import { describe, expect, it } from "vitest";
import { gaussian, mulberry32 } from "./prng";

describe("prng", () => {
  it("is seeded and reproducible", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const z = gaussian(mulberry32(1));
    let s = 0;
    let ss = 0;
    for (let i = 0; i < 20000; i++) {
      const v = z();
      s += v;
      ss += v * v;
    }
    expect(s / 20000).toBeCloseTo(0, 1);
    expect(ss / 20000).toBeCloseTo(1, 1);
  });
});
