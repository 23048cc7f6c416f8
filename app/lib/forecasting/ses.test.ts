import { describe, expect, it } from "vitest";
import { fitHolt, fitHoltWinters, fitSes, sesPass } from "./ses";

describe("ses / holt / holt-winters as ETS forms", () => {
  const y = Object.freeze(Array.from({ length: 42 }, (_, t) => 10 + (t % 7) + 0.2 * t));

  it("are ETS(A,N,N), ETS(A,Ad,N) and ETS(A,A,A)/ETS(M,A,M)", () => {
    expect(fitSes(y).method).toBe("ets(A,N,N)");
    expect(fitHolt(y).method).toBe("ets(A,Ad,N)");
    expect(fitHolt(y, false).method).toBe("ets(A,A,N)");
    expect(fitHoltWinters(y, 7).method).toBe("ets(A,A,A)");
    expect(fitHoltWinters(y, 7, "multiplicative").method).toBe("ets(M,A,M)");
  });

  it("sesPass: ℓ₀ = first known value, ℓ ← ℓ + α(y − ℓ), unknowns skipped", () => {
    const out = new Float64Array(4);
    expect(sesPass([2, 4, NaN, 0], 0.5, out)).toBe(1.5);
    expect(Array.from(out)).toEqual([NaN, 2, 3, 3]);
  });
});
