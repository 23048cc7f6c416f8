import { describe, expect, it } from "vitest";
import ref from "../../../tests/fixtures/r-reference/ets-reference.json";
import { ets, fitEts, forecastEts, parseEtsForm, refilterEts } from "./ets";

/**
 * Parity with R forecast::ets (version in the fixture). Tolerance: 1% relative on point forecasts
 * and the 95% upper bound. Deliberate differences (ADR 012): we clip forecasts at 0 (demand), so
 * R's negative means are compared before clipping via the interval-free mean where R > 0; and
 * multiplicative forms take intervals from simulation, not R's class-3 approximation (3%).
 */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-9, Math.abs(b));

describe("ets parity with R forecast::ets", () => {
  it("records the forecast package version", () => {
    expect(ref.forecast_version).toBe("8.20");
  });

  it.each(ref.fits.map((c) => [c.name, c] as const))("%s: parameters, AICc and forecasts within 1% of R", (_n, c) => {
    const code = c.damped ? `${c.model[0]}Ad${c.model[2]}` : c.model;
    const fit = fitEts(c.y, { form: parseEtsForm(code), period: c.period });
    expect(fit.method).toBe(c.method.replace("ETS", "ets"));
    expect(rel(fit.params.aicc, c.aicc)).toBeLessThan(0.001);
    expect(rel(fit.params.alpha, c.par.alpha)).toBeLessThan(0.01);
    const f = forecastEts(fit, c.mean.length, { levels: [0.95] });
    c.mean.forEach((m: number, i: number) => {
      if (m > 0) expect(rel(f.mean[i], m)).toBeLessThan(0.01);
      else expect(f.mean[i]).toBe(0);
    });
    const tol = c.model.includes("M") ? 0.03 : 0.01;
    c.upper95.forEach((u: number, i: number) => expect(rel(f.intervals[0].upper[i], u)).toBeLessThan(tol));
  });

  it.each(ref.auto.map((c) => [c.name, c] as const))("%s: automatic AICc selection picks R's model", (_n, c) => {
    const fit = fitEts(c.y, { period: c.period });
    expect(fit.method).toBe(c.method.replace("ETS", "ets"));
    expect(rel(fit.params.aicc, c.aicc)).toBeLessThan(0.001);
    const f = forecastEts(fit, c.mean.length);
    c.mean.forEach((m: number, i: number) => expect(rel(f.mean[i], m)).toBeLessThan(0.01));
  });
});

describe("ets", () => {
  const y = Object.freeze(
    Array.from({ length: 60 }, (_, t) => 20 + 0.3 * t + 5 * Math.sin((2 * Math.PI * t) / 7) + ((t * 13) % 7) - 3)
  );

  it("intervals widen with the horizon (class-1 analytic variance)", () => {
    const f = ets(y, 21, { form: parseEtsForm("AAdA"), period: 7, levels: [0.95] });
    const w = f.intervals[0].upper.map((u, i) => u - f.mean[i]);
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeGreaterThanOrEqual(w[i - 1] - 1e-9);
  });

  it("refilter with the fitted parameters reproduces the fit", () => {
    const fit = fitEts(y, { form: parseEtsForm("ANA"), period: 7 });
    const again = refilterEts(fit, y);
    expect(again.state).toEqual(fit.state);
    expect(again.fitted).toEqual(fit.fitted);
  });

  it("passes over unknown (NaN) observations without updating", () => {
    const withGap = [...y];
    withGap[30] = NaN;
    const fit = fitEts(withGap, { form: parseEtsForm("ANN") });
    expect(Number.isNaN(fit.residuals[30])).toBe(true);
    expect(Number.isFinite(fit.params.aicc)).toBe(true);
  });

  it("simulated intervals of multiplicative forms are seeded and reproducible", () => {
    const fit = fitEts(y, { form: parseEtsForm("MNM"), period: 7 });
    expect(forecastEts(fit, 7, { seed: 3 })).toEqual(forecastEts(fit, 7, { seed: 3 }));
  });

  it("validates its inputs", () => {
    expect(() => parseEtsForm("XYZ")).toThrow(new RangeError("ets form must look like ANN, AAdA or MAM"));
    expect(() => fitEts([1, 2])).toThrow(new RangeError("ets requires at least three observations"));
    expect(() => fitEts(y, { period: 0 })).toThrow(new RangeError("period must be a positive integer"));
    expect(() => fitEts(y, { form: parseEtsForm("ANA"), period: 1 })).toThrow(
      new RangeError("seasonal ets requires period of at least 2")
    );
    expect(() => fitEts([0, 1, 2, 3, 4], { form: parseEtsForm("MNN") })).toThrow(
      new RangeError("multiplicative ets requires positive data")
    );
  });
});
