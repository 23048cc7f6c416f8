import { daysBetween } from "~/utils/dates";

/** How long superseded plans keep their forecasts, and how sparsely (one plan per bucket). */
export const FORECAST_RETENTION = { days: 42, bucketDays: 7 } as const;

/**
 * Which superseded plan runs keep their forecasts, so the Overview can score "last month's forecasts vs
 * what sold since" (forecast accuracy KPI and trend): per 7-day bucket of plan dates, the earliest run,
 * for plan dates within the last 42 days. Everything else is deleted — a nightly plan would otherwise
 * keep 30+ copies of every series' forecast. Replenishment lines are never kept.
 */
export function runsKeepingForecasts(runs: readonly { id: string; asOfDate: string }[], today: string): Set<string> {
  const byBucket = new Map<number, { id: string; asOfDate: string }>();
  for (const run of runs) {
    const age = daysBetween(run.asOfDate, today);
    if (age < 0 || age > FORECAST_RETENTION.days) continue;
    const bucket = Math.floor(daysBetween("2000-01-03", run.asOfDate) / FORECAST_RETENTION.bucketDays);
    const kept = byBucket.get(bucket);
    if (!kept || run.asOfDate < kept.asOfDate || (run.asOfDate === kept.asOfDate && run.id < kept.id)) byBucket.set(bucket, run);
  }
  return new Set([...byBucket.values()].map((r) => r.id));
}
