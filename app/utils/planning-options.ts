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

/** The URL keys the screen's filters, sort and page live in (a saved view replaces exactly these). */
export const REPLENISHMENT_QUERY_KEYS = Object.keys(replenishmentQuerySchema.shape) as (keyof typeof replenishmentQuerySchema.shape)[];

/** URL search params → the schema's values, or null when they don't parse (empty values count as absent). */
function parseUrl(searchParams: URLSearchParams) {
  const parsed = replenishmentQuerySchema.safeParse(Object.fromEntries([...searchParams].filter(([, v]) => v !== "")));
  return parsed.success ? parsed.data : null;
}

/**
 * The filters and sort of a Replenishment URL in one canonical form (what a saved view stores and what
 * "modified" compares): keys in the schema's order, no page, no empty or unknown keys, and no sort when it
 * is the default. "" is every line in the default order. Null when the loader would refuse them.
 */
export function normalizeReplenishmentQuery(searchParams: URLSearchParams): string | null {
  const q = parseUrl(searchParams);
  if (!q) return null;
  const out = new URLSearchParams();
  for (const key of REPLENISHMENT_QUERY_KEYS) {
    const value = q[key];
    if (key === "page" || value === undefined || value === "") continue;
    if (key === "sort" && value === replenishmentQuerySchema.shape.sort.parse(undefined)) continue;
    out.set(key, String(value));
  }
  return out.toString();
}

/** URL search params → the model's query (minus paging), or null when they don't parse. */
export function parseReplenishmentQuery(searchParams: URLSearchParams) {
  const q = parseUrl(searchParams);
  if (!q) return null;
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
