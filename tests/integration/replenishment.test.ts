import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import prisma, { containsInsensitive } from "~/db.server";
import {
  countLinesByUrgency,
  listReplenishmentLines,
  parseLineCounts,
  refreshPlanRunLineCounts,
  type LineCounts,
  type ReplenishmentQuery,
} from "~/models/replenishment.server";
import { inTransaction } from "~/models/transaction.server";
import { exportReplenishmentCsv, getReplenishment } from "~/services/replenishment.server";
import { REPLENISHMENT_SORTS, type ReplenishmentSort } from "~/utils/planning-options";
import { createLocation, createShop, createVendor } from "../factories";
import { createManyInSlices } from "../setup/bulk-insert";

// The screen's listing reads pages from per-sort indexes in two key ranges (non-null, then null keys). The
// oracle is the straightforward Prisma query it replaced: same rows, same order, same totals.
const ORACLE_ORDER: Record<ReplenishmentSort, Prisma.ReplenishmentLineOrderByWithRelationInput[]> = {
  stockout: [{ projectedStockoutDate: { sort: "asc", nulls: "last" } }, { suggestedQty: "desc" }, { id: "asc" }],
  cover: [{ daysOfCover: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  quantity: [{ suggestedQty: "desc" }, { id: "asc" }],
  value: [{ unitCost: { sort: "desc", nulls: "last" } }, { suggestedQty: "desc" }, { id: "asc" }],
};

const BULK_VARIANTS = 1_200; // more ids than SQLite binds in one statement (999)
const URGENCY = ["critical", "high", "medium", "low"] as const;

/** A deterministic PRNG (mulberry32), so ties and nulls land the same way on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A shop with a complete plan: 1,200 "BULK" variants (400 products) and 30 others, at two locations, with
 * many ties and nulls in every sort key. A second shop holds a plan with the same SKUs.
 */
async function seedPlannedShop(label: string) {
  const random = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const shop = await createShop(label);
  const locations = await Promise.all([1, 2].map((n) => createLocation(shop, n, { name: `Location ${n}` })));
  const vendors = await Promise.all(["Acme", "Birch", "Cobalt"].map((name) => createVendor(shop, { name })));
  const products: Prisma.ProductCreateManyInput[] = [];
  const variants: Prisma.VariantCreateManyInput[] = [];
  const addProduct = (n: number, title: string, skuPrefix: string, sizes: number) => {
    const productId = `${shop}-p${n}`;
    products.push({ id: productId, shop, shopifyId: `gid://shopify/Product/${n}`, title });
    for (let k = 1; k <= sizes; k++) {
      const id = `${shop}-v${n}-${k}`;
      variants.push({ id, shop, shopifyId: `gid://shopify/ProductVariant/${n * 10 + k}`, productId, title: `Size ${k}`, sku: `${skuPrefix}-${String(n).padStart(4, "0")}-${k}` });
    }
  };
  for (let n = 1; n <= BULK_VARIANTS / 3; n++) addProduct(n, `Bulk product ${n}`, "BULK", 3);
  for (let n = 1001; n <= 1010; n++) addProduct(n, n === 1001 ? "Odd 100%_cotton" : `Other ${n}`, "OTHER", 3);
  await prisma.product.createMany({ data: products });
  await prisma.variant.createMany({ data: variants });
  await prisma.variant.update({ where: { id: `${shop}-v1001-3` }, data: { deletedAt: new Date() } });

  const run = await prisma.planRun.create({ data: { shop, status: "complete", asOfDate: "2026-11-22", finishedAt: new Date(), seriesPlanned: variants.length * 2 } });
  const lines: Prisma.ReplenishmentLineCreateManyInput[] = [];
  for (const v of variants) {
    for (const location of locations) {
      const suggestedQty = pick([0, 0, 4, 12, 12, 30]);
      lines.push({
        shop, planRunId: run.id, variantId: v.id!, locationId: location.id, vendorId: random() < 0.1 ? null : pick(vendors).id,
        onHand: 5, available: 5, committed: 0, incoming: 0, onOrder: 0, inventoryPosition: 5, avgDailyDemand: 1, leadTimeDays: 10,
        leadTimeDemand: 10, safetyStock: 2, reorderPoint: 12, eoq: 10, orderUpTo: 20, serviceLevel: 0.95, suggestedQty,
        daysOfCover: random() < 0.2 ? null : pick([0, 1.5, 3, 7, 30]),
        projectedStockoutDate: random() < 0.3 ? null : pick(["2026-11-22", "2026-11-25", "2026-12-01", "2027-01-15"]),
        urgency: pick(URGENCY), reason: "test", abcClass: pick(["A", "B", "C", null]), unitCost: random() < 0.1 ? null : pick(["2.50", "12.50", "100.00"]),
      });
    }
  }
  await createManyInSlices((args) => prisma.replenishmentLine.createMany(args), lines);
  return { shop, run, locations, vendors };
}

let a: Awaited<ReturnType<typeof seedPlannedShop>>;
beforeAll(async () => {
  a = await seedPlannedShop("repl-a");
  await seedPlannedShop("repl-b");
});

/** The old query: filters in Prisma (search as an id list, fine here: the oracle runs once per case). */
async function oracle(q: Omit<ReplenishmentQuery, "page" | "pageSize">): Promise<string[]> {
  const match = q.search ? containsInsensitive(q.search) : undefined;
  const searchIds = match
    ? (await prisma.variant.findMany({ where: { shop: a.shop, deletedAt: null, OR: [{ sku: match }, { title: match }, { product: { title: match } }] }, select: { id: true } })).map((v) => v.id)
    : undefined;
  const rows = await prisma.replenishmentLine.findMany({
    where: {
      shop: a.shop,
      planRunId: a.run.id,
      ...(q.urgency ? { urgency: { in: q.urgency } } : {}),
      ...(q.vendorId ? { vendorId: q.vendorId } : {}),
      ...(q.locationId ? { locationId: q.locationId } : {}),
      ...(q.abcClass ? { abcClass: q.abcClass } : {}),
    },
    orderBy: ORACLE_ORDER[q.sort],
    select: { id: true, variantId: true },
  });
  return rows.filter((r) => !searchIds || searchIds.includes(r.variantId)).map((r) => r.id);
}

async function allPages(q: Omit<ReplenishmentQuery, "page" | "pageSize">, pageSize: number, counts: LineCounts | null = null) {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; page === 1 || (page - 1) * pageSize < total; page++) {
    const result = await listReplenishmentLines(a.shop, a.run.id, { ...q, page, pageSize }, counts);
    total = result.total;
    expect(result.rows.length).toBe(Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize)));
    ids.push(...result.rows.map((r) => r.id));
  }
  return { ids, total };
}

describe("the Replenishment listing", () => {
  const filters: [string, () => Omit<ReplenishmentQuery, "page" | "pageSize" | "sort">][] = [
    ["no filter", () => ({})],
    ["urgency", () => ({ urgency: ["critical"] })],
    ["vendor", () => ({ vendorId: a.vendors[1].id })],
    ["location + ABC class", () => ({ locationId: a.locations[1].id, abcClass: "A" })],
    ["search by product title", () => ({ search: "bulk product 1" })],
    ["urgency + vendor + search by variant title", () => ({ urgency: ["high"], vendorId: a.vendors[0].id, search: "size 2" })],
  ];

  it.each(REPLENISHMENT_SORTS)("pages through every filter in the order and with the totals of a plain sorted query (sort %s)", async (sort) => {
    const counts = await refreshPlanRunLineCounts(a.shop, a.run.id);
    for (const [name, filter] of filters) {
      const q = { ...filter(), sort };
      const expected = await oracle(q);
      expect(expected.length, name).toBeGreaterThan(20);
      // 97 a page: pages straddle the boundary between lines with and without the sort key. Totals come
      // from the run's cached counts where they can, or are counted (older runs have none).
      for (const cached of [counts, null]) {
        const paged = await allPages(q, 97, cached);
        expect(paged.total, name).toBe(expected.length);
        expect(paged.ids, name).toEqual(expected);
      }
    }
  });

  it("keeps the run's cached counts right when lines change in a transaction that refreshes them", async () => {
    const line = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop: a.shop, planRunId: a.run.id, urgency: "low" } });
    await refreshPlanRunLineCounts(a.shop, a.run.id);
    const before = await getReplenishment(a.shop, { sort: "cover", page: 1, pageSize: 50 });
    await inTransaction(async (tx) => {
      await tx.replenishmentLine.update({ where: { id: line.id }, data: { urgency: "critical", daysOfCover: null } });
      await refreshPlanRunLineCounts(a.shop, a.run.id, tx);
    });
    const after = await getReplenishment(a.shop, { sort: "cover", page: 1, pageSize: 50 });
    expect(after.urgencyCounts).toEqual({ ...before.urgencyCounts, low: before.urgencyCounts.low - 1, critical: before.urgencyCounts.critical + 1 });
    expect(after.urgencyCounts).toEqual(await countLinesByUrgency(a.shop, a.run.id));
    const stored = parseLineCounts((await prisma.planRun.findUniqueOrThrow({ where: { id: a.run.id } })).lineCounts);
    expect(stored?.critical.lines).toBe(after.urgencyCounts.critical);
    const critical = await allPages({ urgency: ["critical"], sort: "cover" }, 97, stored);
    expect(critical.ids).toEqual(await oracle({ urgency: ["critical"], sort: "cover" }));
    await inTransaction(async (tx) => {
      await tx.replenishmentLine.update({ where: { id: line.id }, data: { urgency: line.urgency, daysOfCover: line.daysOfCover } });
      await refreshPlanRunLineCounts(a.shop, a.run.id, tx);
    });
  });

  it("returns each line's fields and names as the plan and catalogue rows have them", async () => {
    const edited = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop: a.shop, planRunId: a.run.id, unitCost: { not: null } }, orderBy: { id: "asc" } });
    await prisma.replenishmentLine.update({ where: { id: edited.id }, data: { editedQty: 77 } });
    const screen = await getReplenishment(a.shop, { search: edited.variantId.split("-v")[1], sort: "value", page: 1, pageSize: 50 });
    expect(screen.rows.map((r) => r.id)).toContain(edited.id);
    const lines = await prisma.replenishmentLine.findMany({ where: { id: { in: screen.rows.map((r) => r.id) } } });
    const variants = await prisma.variant.findMany({ where: { shop: a.shop }, include: { product: true } });
    for (const row of screen.rows) {
      const line = lines.find((l) => l.id === row.id)!;
      const variant = variants.find((v) => v.id === line.variantId)!;
      expect(row).toEqual({
        id: line.id, variantId: line.variantId, product: variant.product.title, variant: variant.title, sku: variant.sku,
        location: a.locations.find((l) => l.id === line.locationId)!.name, vendor: a.vendors.find((v) => v.id === line.vendorId)?.name ?? null,
        onHand: line.onHand, available: line.available, backorders: variant.inventoryPolicy === "DENY" ? 0 : Math.max(0, -line.available), onOrder: line.onOrder, daysOfCover: line.daysOfCover, projectedStockoutDate: line.projectedStockoutDate,
        urgency: line.urgency, suggestedQty: line.editedQty ?? line.suggestedQty, edited: line.editedQty !== null, abcClass: line.abcClass,
        xyzClass: line.xyzClass, budgetCutFrom: line.budgetCutFrom,
        unitCost: line.unitCost?.toString() ?? null, reason: line.reason, drafts: [], nativePos: [], leadTimeDays: 10, vendorId: line.vendorId,
        // Decimal arithmetic as the oracle: quantity × unit cost, in cents.
        value: line.unitCost?.mul(line.editedQty ?? line.suggestedQty).toFixed(2) ?? null,
        valueCents: line.unitCost?.mul(line.editedQty ?? line.suggestedQty).mul(100).round().toNumber() ?? null,
        // A line planned before the arithmetic was stored: its sums are rebuilt from its figures, without steps.
        why: {
          sentence: line.reason, stepsKnown: false, stock: { available: 5, onHand: 5, onOrder: 0 }, leadTimeDays: 10, serviceLevel: 0.95, editedQty: line.editedQty, method: null,
          sums: { leadTimeDemand: 10, safetyStock: 2, reorderPoint: 12, reviewDemand: 8, orderUpTo: 20, position: 5, inDraft: 0, beforeRounding: 15, steps: [], stopped: null, quantity: 15 },
        },
      });
    }
    expect(screen.rows.find((r) => r.id === edited.id)).toMatchObject({ suggestedQty: 77, edited: true });
    await prisma.replenishmentLine.update({ where: { id: edited.id }, data: { editedQty: null } });
  });

  it("reads a page past the end as empty, with the total", async () => {
    const result = await listReplenishmentLines(a.shop, a.run.id, { sort: "stockout", page: 1000, pageSize: 50 });
    expect(result.rows).toEqual([]);
    expect(result.total).toBe((BULK_VARIANTS + 30) * 2);
    const vendorPage = await listReplenishmentLines(a.shop, a.run.id, { vendorId: a.vendors[0].id, sort: "cover", page: 1000, pageSize: 50 });
    expect(vendorPage).toEqual({ rows: [], total: (await oracle({ vendorId: a.vendors[0].id, sort: "cover" })).length });
  });

  it("searches more variants than a statement can bind, on the screen and in the CSV export", async () => {
    const screen = await getReplenishment(a.shop, { search: "bulk", sort: "stockout", page: 3, pageSize: 50 });
    expect(screen.total).toBe(BULK_VARIANTS * 2);
    expect(screen.rows).toHaveLength(50);
    expect(screen.rows.every((r) => r.sku?.startsWith("BULK-"))).toBe(true);
    expect((await allPages({ search: "BULK", sort: "cover" }, 1000)).ids).toEqual(await oracle({ search: "BULK", sort: "cover" }));
    const csv = await exportReplenishmentCsv(a.shop, { search: "bulk", sort: "value" });
    expect(csv.trim().split("\n")).toHaveLength(1 + BULK_VARIANTS * 2);
  });

  it("exports titles a spreadsheet would run as formulas as plain text, and numbers as numbers", async () => {
    const product = `${a.shop}-p1002`;
    const title = await prisma.product.findUniqueOrThrow({ where: { id: product } });
    await prisma.product.update({ where: { id: product }, data: { title: '=HYPERLINK("http://evil.example","Reorder")' } });
    try {
      const [header, ...rows] = (await exportReplenishmentCsv(a.shop, { search: "OTHER-1002", sort: "stockout" })).trim().split("\n");
      expect(header.split(",")[0]).toBe("product");
      expect(rows).toHaveLength(3 * 2);
      for (const row of rows) {
        expect(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""Reorder"")"`)).toBe(true);
        // on_hand of the seeded lines: a number, not defused text
        expect(row).toContain(",5,5,0,");
      }
    } finally {
      await prisma.product.update({ where: { id: product }, data: { title: title.title } });
    }
  });

  it("matches a search literally (LIKE wildcards are plain characters) and skips deleted variants", async () => {
    // "100%_c" is in one product title; as a pattern "%" and "_" would also match e.g. "1000" products' titles.
    const literal = await listReplenishmentLines(a.shop, a.run.id, { search: "d 100%_C", sort: "stockout", page: 1, pageSize: 50 });
    expect(literal.total).toBe(2 * 2); // three sizes, one of them deleted, at two locations
    expect(await listReplenishmentLines(a.shop, a.run.id, { search: "1_0", sort: "stockout", page: 1, pageSize: 50 })).toMatchObject({ total: 0 });
  });
});
