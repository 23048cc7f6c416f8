import { z } from "zod";

// Client-safe option lists shared by the Replenishment screen (filters) and its model (queries).
export const URGENCIES = ["critical", "high", "medium", "low"] as const;
export type UrgencyFilter = (typeof URGENCIES)[number];
export const REPLENISHMENT_SORTS = ["stockout", "cover", "quantity", "value"] as const;
export type ReplenishmentSort = (typeof REPLENISHMENT_SORTS)[number];

/** Replenishment list filters as they appear in the URL (shared by the screen and its CSV export). */
export const replenishmentQuerySchema = z.object({
  urgency: z.enum(URGENCIES).optional(),
  vendor: z.string().max(64).optional(),
  location: z.string().max(64).optional(),
  abc: z.enum(["A", "B", "C"]).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(REPLENISHMENT_SORTS).default("stockout"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** URL search params → the model's query (minus paging), or null when they don't parse. */
export function parseReplenishmentQuery(searchParams: URLSearchParams) {
  const parsed = replenishmentQuerySchema.safeParse(Object.fromEntries([...searchParams].filter(([, v]) => v !== "")));
  if (!parsed.success) return null;
  const q = parsed.data;
  return {
    page: q.page,
    query: {
      urgency: q.urgency ? [q.urgency] : undefined,
      vendorId: q.vendor,
      locationId: q.location,
      abcClass: q.abc,
      search: q.q || undefined,
      sort: q.sort,
    },
  };
}
