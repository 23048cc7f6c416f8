/**
 * Accuracy metrics, computed exactly as the benchmark scorer /work/shared/bench/score.py
 * (PROTOCOL.md §5–6): MAE, RMSE, bias, MASE, RMSSE, WAPE, wRMSSE, interval coverage, SL95.
 */

/** One evaluated series. */
export interface AccuracyInput {
  /** In-sample history y₁..yₙ (units per period). */
  history: ArrayLike<number>;
  /** Test actuals a₁..a_H. */
  actual: ArrayLike<number>;
  /** Point forecasts f₁..f_H. */
  forecast: ArrayLike<number>;
  /** Optional 95% interval bounds per step. */
  lower95?: ArrayLike<number>;
  upper95?: ArrayLike<number>;
  /** Optional 95% quantile of the H-period total (overrides the interval for SL95). */
  q95Total?: number;
  /** Weight for wRMSSE (score.py: units sold in the last 28 history periods / last 4 weeks). */
  weight?: number;
}

/** Per-series and aggregate results. */
export interface AccuracyResult {
  wape: number;
  bias: number;
  mae: number;
  rmse: number;
  mase: number;
  rmsse: number;
  wrmsse: number;
  cover95: number;
  sl95: number;
  perSeries: { mae: number; rmse: number; bias: number; mase: number; rmsse: number; cover95: number; sl95: number }[];
}

const Z95 = 1.959963984540054;
const Z_SL = 1.645;

/**
 * Scores forecasts like score.py. Per series: MAE = mean|e|, RMSE = √mean e², bias = Σe/Σa,
 * MASE = MAE / mean|y_t − y_{t−m}| (naive(1) scale when 0), RMSSE = √(mean e² / mean(Δy)²) with
 * Δ over the history from the first sale (M5), SL95 = [Σa ≤ q95Total] or [Σa ≤ Σf + 1.645·√Σσ_h²]
 * with σ_h = (upper95 − f)/1.95996. Aggregates: WAPE = Σ|e|/Σa and bias = Σe/Σa pooled; MAE,
 * RMSE, MASE, RMSSE, cover95, SL95 = means over series with a defined value; wRMSSE = weighted
 * mean of RMSSE. e = f − a. Reference: Hyndman & Koehler (2006) IJF 22(4) (MASE); Makridakis,
 * Spiliotis & Assimakopoulos (2022) IJF 38(4) (M5: RMSSE, weights). `m` is 7 on daily, 1 weekly.
 * @example accuracy([{ history: [1, 2, 3], actual: [3], forecast: [2] }], 1).wape // 0.333…
 */
export function accuracy(series: readonly AccuracyInput[], m = 7): AccuracyResult {
  if (series.length === 0) throw new RangeError("accuracy requires at least one series");
  let sumAbs = 0;
  let sumErr = 0;
  let sumAct = 0;
  const per: AccuracyResult["perSeries"] = [];
  for (const s of series) {
    const H = s.actual.length;
    if (s.forecast.length !== H) throw new RangeError("forecast and actual must have the same length");
    const y = s.history;
    const n = y.length;
    let ae = 0;
    let se = 0;
    let e = 0;
    let a = 0;
    let f = 0;
    for (let h = 0; h < H; h++) {
      const err = s.forecast[h] - s.actual[h];
      ae += Math.abs(err);
      se += err * err;
      e += err;
      a += s.actual[h];
      f += s.forecast[h];
    }
    sumAbs += ae;
    sumErr += e;
    sumAct += a;
    let scale = 0;
    if (n > m) {
      for (let t = m; t < n; t++) scale += Math.abs(y[t] - y[t - m]);
      scale /= n - m;
    }
    if (!(scale > 0)) {
      scale = 0;
      if (n > 1) {
        for (let t = 1; t < n; t++) scale += Math.abs(y[t] - y[t - 1]);
        scale /= n - 1;
      }
    }
    let first = 0;
    while (first < n && !(y[first] > 0)) first++;
    if (first === n) first = 0;
    let r = 0;
    if (n - first > 1) {
      for (let t = first + 1; t < n; t++) r += (y[t] - y[t - 1]) ** 2;
      r /= n - first - 1;
    }
    let cover = NaN;
    let sl = NaN;
    if (s.lower95 && s.upper95) {
      let inside = 0;
      let v = 0;
      for (let h = 0; h < H; h++) {
        if (s.actual[h] >= s.lower95[h] && s.actual[h] <= s.upper95[h]) inside++;
        v += (Math.max(s.upper95[h] - s.forecast[h], 0) / Z95) ** 2;
      }
      cover = inside / H;
      sl = a <= f + Z_SL * Math.sqrt(v) ? 1 : 0;
    }
    if (s.q95Total !== undefined && Number.isFinite(s.q95Total)) sl = a <= s.q95Total ? 1 : 0;
    per.push({
      mae: ae / H,
      rmse: Math.sqrt(se / H),
      bias: a > 0 ? e / a : NaN,
      mase: scale > 0 ? ae / H / scale : NaN,
      rmsse: r > 0 ? Math.sqrt(se / H / r) : NaN,
      cover95: cover,
      sl95: sl,
    });
  }
  const meanOf = (k: keyof AccuracyResult["perSeries"][number]) => {
    let s = 0;
    let c = 0;
    for (const p of per)
      if (p[k] === p[k]) {
        s += p[k];
        c++;
      }
    return c > 0 ? s / c : NaN;
  };
  let wsum = 0;
  let wr = 0;
  per.forEach((p, i) => {
    const w = series[i].weight ?? 1;
    if (p.rmsse === p.rmsse) {
      wsum += w;
      wr += w * p.rmsse;
    }
  });
  return {
    wape: sumAct > 0 ? sumAbs / sumAct : NaN,
    bias: sumAct > 0 ? sumErr / sumAct : NaN,
    mae: meanOf("mae"),
    rmse: meanOf("rmse"),
    mase: meanOf("mase"),
    rmsse: meanOf("rmsse"),
    wrmsse: wsum > 0 ? wr / wsum : NaN,
    cover95: meanOf("cover95"),
    sl95: meanOf("sl95"),
    perSeries: per,
  };
}
