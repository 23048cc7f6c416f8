/**
 * Inventory analytics: ABC × XYZ classification with default service levels, turnover and days of supply,
 * dead stock / overstock with markdown suggestions, vendor scorecards. Pure functions; the only entry
 * point for code outside `app/lib/analytics`.
 */
export * from "./abc-xyz";
export * from "./turnover";
export * from "./dead-stock";
export * from "./vendor-score";
export * from "./vendor-scorecard";
export * from "./forecast-accuracy";
export * from "./receipt-of";
