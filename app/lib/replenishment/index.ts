/**
 * Replenishment library: safety stock, reorder point, EOQ, order-up-to, rounding, lead time, inventory
 * position, plan lines, bundles, budgets and the policy simulator. Pure functions; the only entry point
 * for code outside `app/lib/replenishment`.
 */
export * from "./safety-stock";
export * from "./reorder-point";
export * from "./eoq";
export * from "./order-up-to";
export * from "./rounding";
export * from "./lead-time";
export * from "./inventory-position";
export * from "./native-incoming";
export * from "./plan-line";
export * from "./bundles";
export * from "./budget";
export * from "./cost-balanced-service";
export { normalCdf, normalLoss, normalPdf, normalQuantile } from "./normal";
export * from "./simulate";
export * from "./cover-rules";
export * from "./tradeoff-curve";
export * from "./order-arithmetic";
export * from "./order-sentence";
export * from "./selection-totals";
