/**
 * Standard normal helpers used by the replenishment formulas: density, CDF, inverse CDF and the
 * standard normal loss function. Hand-written because `simple-statistics`' `probit` is only accurate
 * to about 2e-3 (probit(0.95) = 1.6434 instead of 1.6449), which is visible in safety stocks.
 */

import { erfc, normalCdf } from "../forecasting";

export { erfc, normalCdf };

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Standard normal density φ(z) = exp(−z²/2) / √(2π).
 * Reference: any statistics text; Silver, Pyke & Thomas (4th ed.) appendix B.
 * @example normalPdf(0) // 0.398942…
 */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}


/**
 * Inverse standard normal CDF Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation refined by one
 * Halley step (absolute error below 1e-9 for p in [1e-10, 1 − 1e-10]).
 * Reference: P. J. Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution".
 * @throws RangeError "p must be between 0 and 1 exclusive"
 * @example normalQuantile(0.95) // 1.644853…
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError("p must be between 0 and 1 exclusive");
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley refinement step.
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * Standard normal loss function G(k) = φ(k) − k·(1 − Φ(k)): expected units short per unit of σ when
 * the safety factor is k (E[(Z − k)⁺] for Z ~ N(0, 1)).
 * Reference: Silver, Pyke & Thomas (4th ed.), ch. 6, eq. for G_u(k) and appendix B table.
 * @example normalLoss(0) // 0.398942… ; normalLoss(1) // 0.083316…
 */
export function normalLoss(k: number): number {
  return normalPdf(k) - k * (1 - normalCdf(k));
}
