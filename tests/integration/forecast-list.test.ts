import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLocation, createShop } from "../factories";
import { getForecastList } from "~/services/forecasts.server";

/** A complete plan with 1,100 "BULK" variants (more ids than SQLite binds in one statement) and 10 others. */
async function seedShop(label: string) {
  const shop = await createShop(label);
  const location = await createLocation(shop);
  await prisma.product.createMany({
    data: [
      { id: `${shop}-bulk`, shop, shopifyId: "gid://shopify/Product/1", title: "Bulk cord" },
      { id: `${shop}-lamp`, shop, shopifyId: "gid://shopify/Product/2", title: "Lamp" },
    ],
  });
  const variants: Prisma.VariantCreateManyInput[] = [];
  for (let n = 1; n <= 1110; n++) {
    const bulk = n <= 1100;
    variants.push({ id: `${shop}-v${String(n).padStart(4, "0")}`, shop, shopifyId: `gid://shopify/ProductVariant/${n}`, productId: bulk ? `${shop}-bulk` : `${shop}-lamp`, title: `V${n}`, sku: bulk ? `BULK-${n}` : `LAMP-${n}` });
  }
  await prisma.variant.createMany({ data: variants });
  const run = await prisma.planRun.create({ data: { shop, status: "complete", asOfDate: "2026-11-22", finishedAt: new Date() } });
  await prisma.forecast.createMany({
    data: variants.map((v, i) => ({
      shop, planRunId: run.id, variantId: v.id!, locationId: location.id, method: "ses", demandClass: i % 3 === 0 ? "smooth" : "intermittent",
      abcClass: i % 5 === 0 ? null : ["A", "B", "C"][i % 3], mean: [1, 2, 3],
    })),
  });
  return shop;
}

describe("the Forecasts list", () => {
  it("searches by SKU or product title however many variants match, with the listing's order, filters and totals", async () => {
    const shop = await seedShop("fc-list");
    const other = await seedShop("fc-list-other");
    const all = await getForecastList(shop, { page: 1, pageSize: 2000 });
    expect(all.total).toBe(1110);
    const expected = all.rows.filter((r) => r.sku?.startsWith("BULK"));
    const pages = [];
    for (let page = 1; page <= 12; page++) pages.push(...(await getForecastList(shop, { search: "bulk", page, pageSize: 100 })).rows);
    expect(pages.map((r) => r.variantId)).toEqual(expected.map((r) => r.variantId));
    const first = await getForecastList(shop, { search: "bulk", page: 1, pageSize: 100 });
    expect(first.total).toBe(1100);
    expect(first.classCounts).toEqual({ smooth: 370, intermittent: 740 });
    // By product title, with a demand class, and a page past the end (total still right).
    expect((await getForecastList(shop, { search: "Bulk cord", demandClass: "smooth", page: 1, pageSize: 50 })).total).toBe(expected.filter((r) => r.demandClass === "smooth").length);
    expect(await getForecastList(shop, { search: "LAMP", page: 5, pageSize: 50 })).toMatchObject({ rows: [], total: 10 });
    // "%" is matched literally, and another shop's variants never appear.
    expect((await getForecastList(shop, { search: "%", page: 1, pageSize: 50 })).total).toBe(0);
    expect(pages.every((r) => r.variantId.startsWith(shop))).toBe(true);
    expect((await getForecastList(other, { search: "bulk", page: 1, pageSize: 10 })).rows.every((r) => r.variantId.startsWith(other))).toBe(true);
  });
});
