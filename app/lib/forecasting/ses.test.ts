import { describe, expect, it } from "vitest";
import { sesPass } from "./ses";

describe("sesPass", () => {
  it("ℓ₀ = first known value, ℓ ← ℓ + α(y − ℓ), unknowns skipped", () => {
    const out = new Float64Array(4);
    expect(sesPass([2, 4, NaN, 0], 0.5, out)).toBe(1.5);
    expect(Array.from(out)).toEqual([NaN, 2, 3, 3]);
  });
});
