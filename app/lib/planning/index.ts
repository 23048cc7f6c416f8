/**
 * Planning engine: one variant × location's history, lead time and stock → forecast, lead-time and
 * protection-interval demand quantiles, and the order decision. Pure; the only entry point for code
 * outside `app/lib/planning`. Callers: the plan runs (services/planning/plan-chunk.ts), the forecast CLI
 * and the policy benchmark.
 */
export * from "./engine";
export * from "./overrides";
export * from "./service-level";
