/**
 * The one contract test every model passes (style guide §5). Adding a model means adding it
 * to MODELS first.
 */
import { describe, expect, it } from "vitest";
import { croston, fitCroston, forecastCroston } from "./croston";
import { fitMovingAverage, forecastMovingAverage, movingAverage } from "./moving-average";
import { fitTsb, forecastTsb, tsb } from "./tsb";
import type { Forecast, ModelFit } from "./types";

interface ModelCase {
  name: string;
  fit: (y: readonly number[]) => ModelFit;
  forecast: (fit: never, h: number) => Forecast;
  oneShot: (y: readonly number[], h: number) => Forecast;
  /** Expected behaviour on degenerate inputs: "ok" or the RangeError message. */
  degenerate: { zeros: string; single: string; constant: string };
  /** Forecast of the constant-4 series when not 4 (bias-corrected Croston variants). */
  constantMean?: number;
}

const OK = "ok";
const MODELS: ModelCase[] = [
  {
    name: "moving average",
    fit: (y) => fitMovingAverage(y, 7),
    forecast: forecastMovingAverage as never,
    oneShot: (y, h) => movingAverage(y, h, { window: 7 }),
    degenerate: { zeros: OK, single: OK, constant: OK },
  },
  // Croston and its bias-corrected variants: the same degenerate cases; SBA and SBJ shrink a constant 4.
  ...(
    [
      ["croston", undefined, undefined],
      ["croston sba", "sba", 4 * (1 - 0.1 / 2)],
      ["croston sbj", "sbj", 4 * (1 - 0.1 / (2 - 0.1))],
    ] as const
  ).map(([name, variant, constantMean]): ModelCase => ({
    name,
    fit: (y) => fitCroston(y, variant ? { variant } : {}),
    forecast: forecastCroston as never,
    oneShot: (y, h) => (variant ? croston(y, h, { variant }) : croston(y, h)),
    degenerate: {
      zeros: "croston requires at least two non-zero observations",
      single: "croston requires at least two non-zero observations",
      constant: OK,
    },
    ...(constantMean === undefined ? {} : { constantMean }),
  })),
  {
    name: "tsb",
    fit: (y) => fitTsb(y),
    forecast: forecastTsb as never,
    oneShot: (y, h) => tsb(y, h),
    degenerate: { zeros: "tsb requires at least one non-zero observation", single: OK, constant: OK },
  },
];

/** Canonical series: 10 weeks, positive, weekday pattern with a small drift. */
const CANONICAL = Object.freeze(
  Array.from({ length: 70 }, (_, t) => Math.round(10 + 4 * Math.sin((2 * Math.PI * t) / 7) + 0.05 * t + ((t * 7) % 5)))
);
const H = 14;

function checkForecast(f: Forecast, h: number) {
  expect(f.mean).toHaveLength(h);
  for (const v of f.mean) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
  }
  const levels = f.intervals.map((i) => i.level);
  expect(levels).toEqual([...levels].sort((a, b) => a - b));
  f.intervals.forEach((iv, k) => {
    expect(iv.lower).toHaveLength(h);
    expect(iv.upper).toHaveLength(h);
    for (let i = 0; i < h; i++) {
      expect(iv.lower[i]).toBeLessThanOrEqual(f.mean[i] + 1e-9);
      expect(iv.upper[i]).toBeGreaterThanOrEqual(f.mean[i] - 1e-9);
      if (k > 0) {
        expect(iv.lower[i]).toBeLessThanOrEqual(f.intervals[k - 1].lower[i] + 1e-9);
        expect(iv.upper[i]).toBeGreaterThanOrEqual(f.intervals[k - 1].upper[i] - 1e-9);
      }
    }
  });
}

describe.each(MODELS)("model contract: $name", (m) => {
  it("fit then forecast equals the one-shot call", () => {
    const fit = m.fit(CANONICAL);
    expect(m.forecast(fit as never, H)).toEqual(m.oneShot(CANONICAL, H));
  });

  it("fitted values and residuals have the input's length", () => {
    const fit = m.fit(CANONICAL);
    expect(fit.fitted).toHaveLength(CANONICAL.length);
    expect(fit.residuals).toHaveLength(CANONICAL.length);
    expect(typeof fit.method).toBe("string");
  });

  it("respects the horizon and returns sorted, nested intervals", () => {
    const fit = m.fit(CANONICAL);
    for (const h of [1, 7, H]) checkForecast(m.forecast(fit as never, h), h);
  });

  it("returns a plain serialisable fit and does not mutate the input", () => {
    const input = Object.freeze([...CANONICAL]);
    const fit = m.fit(input);
    const round = JSON.parse(JSON.stringify(fit, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v)));
    expect(Object.keys(round).sort()).toEqual(Object.keys(fit).sort());
    expect(input).toEqual(CANONICAL);
  });

  it("rejects a non-positive horizon", () => {
    const fit = m.fit(CANONICAL);
    expect(() => m.forecast(fit as never, 0)).toThrow(new RangeError("horizon must be a positive integer"));
  });

  const degenerate: [string, readonly number[], string][] = [
    ["all zeros", Object.freeze(new Array(35).fill(0)), m.degenerate.zeros],
    ["a single non-zero", Object.freeze(Array.from({ length: 35 }, (_, t) => (t === 20 ? 6 : 0))), m.degenerate.single],
    ["a constant", Object.freeze(new Array(35).fill(4)), m.degenerate.constant],
  ];
  it.each(degenerate)("degenerate input: %s gives a defined answer or a defined error", (_label, y, expected) => {
    if (expected === OK) {
      const f = m.oneShot(y, 7);
      checkForecast(f, 7);
      if (y.every((v) => v === 4)) for (const v of f.mean) expect(v).toBeCloseTo(m.constantMean ?? 4, 6);
      if (y.every((v) => v === 0)) for (const v of f.mean) expect(v).toBeCloseTo(0, 6);
    } else {
      expect(() => m.oneShot(y, 7)).toThrow(new RangeError(expected));
    }
  });
});
