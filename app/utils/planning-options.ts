// Client-safe option lists shared by the Replenishment screen (filters) and its model (queries).
export const URGENCIES = ["critical", "high", "medium", "low"] as const;
export type UrgencyFilter = (typeof URGENCIES)[number];
export const REPLENISHMENT_SORTS = ["stockout", "cover", "quantity", "value"] as const;
export type ReplenishmentSort = (typeof REPLENISHMENT_SORTS)[number];
