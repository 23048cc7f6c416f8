#!/usr/bin/env bash
# Honest calibration check (issue 13, slice 3; ADR 035): does the product's own past predict its next window?
#
#   scripts/bench-calibration.sh [YYYY-MM-DD ...]      (run from the project root, after ../shared/bench/cutoffs.sh)
#
# For each cut-off and track it runs `npm run forecast` as the product runs (defaults only) with --holdout k·H,
# k = 0..K (K=3 by default): the forecast from each of the last K origins before the test window, scored
# against what was then sold. It prints, per cut-off:
#   - SL95 (coverage of q95_total) on the held-out windows and on the test window;
#   - the pooled split-conformal multiplier of the spread q95_total − F that would have covered 95% of the
#     held-out windows (weights 1, ½, ¼, …; Angelopoulos & Bates 2021, §2; Barber et al. 2023 for the
#     weights), and the test SL95 it gives;
#   - the pooled bias factor f = (Σ w·actual ÷ Σ w·forecast)^½ over the held-out windows (a shrunk
#     multiplicative correction, half-way to the measured ratio) and the test scores with every mean × f.
# Nothing here re-implements the engine: the forecasts are the CLI's, the scores are score.py's.
# Needs the cut-offs prepared by cutoffs.sh (work/all_<cut-off>/). About 4 CLI runs per cut-off and track.
set -euo pipefail
bench=$(cd "${BENCH:-../shared/bench}" && pwd)   # BENCH=/work/shared/bench from a worktree elsewhere
K=${K:-3}
PY=${PY:-/usr/bin/python3}
out=${OUT:-/tmp/stockcast-calibration}; mkdir -p "$out"
cuts=("$@"); ((${#cuts[@]})) || cuts=(2010-06-15 2010-07-13 2010-08-10 2010-09-07 2010-10-05 2010-11-02 2010-11-30)
for c in "${cuts[@]}"; do
  w=$bench/work/all_$c
  [[ -f $w/weekly/history.csv ]] || { echo "$w: run ../shared/bench/cutoffs.sh $c first" >&2; exit 1; }
  for t in daily weekly; do
    H=28; f=day; [[ $t == weekly ]] && { H=8; f=week; }
    for ((k = 0; k <= K; k++)); do
      npm run -s forecast -- --input "$w/$t/history.csv" --horizon $H --freq $f --holdout $((k * H)) \
        --out "$out/$c.$t.$k.csv" >"$out/$c.$t.$k.log" 2>&1 || { echo "forecast failed: $out/$c.$t.$k.log" >&2; exit 1; }
    done
  done
done
"$PY" - "$bench" "$out" "$K" "${cuts[@]}" <<'PY'
import json, subprocess, sys
import numpy as np, pandas as pd
bench, out, K, cuts = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]

def totals(c, t, k, H):
    """Per series: forecast total F, q95_total and the actual total of the window forecast from k·H back."""
    f = pd.read_csv(f"{out}/{c}.{t}.{k}.csv", dtype={"series_id": str})
    g = f.groupby("series_id").agg(F=("mean", "sum"), q=("q95_total", "first"))
    if k == 0:
        a = pd.read_csv(f"{bench}/work/all_{c}/{t}/test.csv", dtype={"series_id": str})
    else:
        a = pd.read_csv(f"{bench}/work/all_{c}/{t}/history.csv", dtype={"series_id": str})
        i = a.groupby("series_id").cumcount(); n = a.groupby("series_id")["qty"].transform("size")
        a = a[(i >= n - k * H) & (i < n - (k - 1) * H)]
    g["act"] = a.groupby("series_id")["qty"].sum()
    return g.dropna()

def wquantile(x, w, p):
    o = np.argsort(x); cw = np.cumsum(w[o]) / w.sum()
    return x[o][min(len(x) - 1, np.searchsorted(cw, p))]

def score(c, t, file):
    js = f"{out}/score.json"
    subprocess.run([sys.executable, f"{bench}/score.py", f"{bench}/work/all_{c}/{t}", "--no-auto", "--forecasts", file,
                    "--json", js], check=True, capture_output=True)
    return next(iter(json.load(open(js))["tracks"][t]["methods"].values()))

print("| cut-off | track | SL95 held-out (k = 1…K) | SL95 test | conformal m → SL95 | bias factor f | RMSSE | wRMSSE | WAPE | bias |")
print("|---|---|---|---|---|---|---|---|---|---|")
for c in cuts:
    for t in ("daily", "weekly"):
        H = 28 if t == "daily" else 8
        G = [totals(c, t, k, H) for k in range(K + 1)]
        # "–": no series long enough to forecast from that far back
        cov = [float(np.mean(g.act <= g.q + 1e-9)) if len(g) else None for g in G]
        # split-conformal score: the multiple of the stated spread q − F that the actual needed
        s, w, A, F = [], [], 0.0, 0.0
        for k in range(1, K + 1):
            g = G[k]; D = (g.q - g.F).to_numpy(); e = (g.act - g.F).to_numpy()
            s.append(np.where(D > 1e-9, e / np.maximum(D, 1e-9), np.where(e > 1e-9, np.inf, -np.inf)))
            w.append(np.full(len(g), 0.5 ** (k - 1)))
            A += 0.5 ** (k - 1) * g.act.sum(); F += 0.5 ** (k - 1) * g.F.sum()
        m = float(wquantile(np.concatenate(s), np.concatenate(w), 0.95))
        g = G[0]; covm = float(np.mean(g.act <= g.F + m * (g.q - g.F) + 1e-9))
        fac = (A / F) ** 0.5 if A > 0 and F > 0 else 1.0
        base = score(c, t, f"{out}/{c}.{t}.0.csv")
        d = pd.read_csv(f"{out}/{c}.{t}.0.csv", dtype={"series_id": str}); d["mean"] *= fac
        d.to_csv(f"{out}/{c}.{t}.scaled.csv", index=False)
        v = score(c, t, f"{out}/{c}.{t}.scaled.csv")
        ch = lambda key, fmt="{:.3f}": f"{fmt.format(base[key])} → {fmt.format(v[key])}"
        print(f"| {c} | {t} | {' '.join('–' if x is None else f'{x:.3f}' for x in cov[1:])} | {cov[0]:.3f} | {m:.2f} → {covm:.3f} | {fac:.3f} "
              f"| {ch('rmsse_mean')} | {ch('wrmsse')} | {ch('wape')} | {ch('bias', '{:+.1%}')} |")
PY
