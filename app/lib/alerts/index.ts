/** Alert rules: pure functions from plan, stock, demand, vendor and sync facts to deduplicated alert candidates. */
export * from "./rules";
export * from "./stocked-out";
export * from "./dead-stock";
export * from "./vendor-reliability";
export * from "./demand-anomaly";
export * from "./sync-unhealthy";
export * from "./mutes";
export * from "./stock-overlay";
export * from "./rule";
export * from "./registry";
export * from "./alert-path";
export * from "./alert-group";
