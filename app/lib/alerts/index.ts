/** Alert rules: pure functions from plan and purchase-order facts to deduplicated alert candidates. */
export * from "./rules";
