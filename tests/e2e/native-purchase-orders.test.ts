// Native Shopify POs in Chromium (docs/on-order.md): the demo shop has some of its incoming units on native POs;
// Replenishment lists them under on order and the variant page under "Why Stockcast suggests", without adding them.
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { launchSharedBrowser, newPage, pageErrors, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const SHOP = "stockcast-demo.myshopify.com";
const browser = launchSharedBrowser();

describe("native purchase orders on the screens", () => {
  it("Replenishment and the variant page show which on-order units are on a native PO", async () => {
    const db = createPrismaClient(inject("demoDatabaseUrl"));
    let target: { variantId: string; locationId: string; sku: string; name: string; onOrder: number; incoming: number };
    try {
      const run = await db.planRun.findFirstOrThrow({ where: { shop: SHOP, status: "complete" }, orderBy: { finishedAt: "desc" } });
      const native = await db.nativePurchaseOrderLine.findMany({ where: { shop: SHOP }, orderBy: { name: "asc" } });
      const lines = await db.replenishmentLine.findMany({ where: { shop: SHOP, planRunId: run.id, variantId: { in: native.map((n) => n.variantId) } } });
      const line = lines.find((l) => l.incoming > 0 && native.some((n) => n.variantId === l.variantId && n.locationId === l.locationId))!;
      const po = native.find((n) => n.variantId === line.variantId && n.locationId === line.locationId)!;
      const variant = await db.variant.findUniqueOrThrow({ where: { id: line.variantId } });
      target = { variantId: line.variantId, locationId: line.locationId, sku: variant.sku!, name: po.name, onOrder: line.onOrder, incoming: line.incoming };
    } finally {
      await db.$disconnect();
    }
    const page = await newPage(browser());
    const errors = pageErrors(page);
    await page.goto(`${baseUrl}/app/replenishment?q=${encodeURIComponent(target.sku)}`);
    await page.waitForLoadState("networkidle");
    await poll(() => page.getByText(new RegExp(`^\\d+ of these on Shopify PO ${target.name}$`)).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/replenishment-native-po.png`, fullPage: true });

    await page.goto(`${baseUrl}/app/forecasts/${target.variantId}?location=${target.locationId}`);
    await page.waitForLoadState("networkidle");
    await poll(() => page.getByText(`Of the ${target.onOrder} on order:`).count()).toBe(1);
    const note = page.getByText(new RegExp(`^(\\d+) of these on Shopify PO ${target.name}\\b`));
    const units = Number((await note.first().textContent())!.split(" ")[0]);
    expect(units).toBeGreaterThan(0);
    expect(units).toBeLessThanOrEqual(target.incoming);
    await page.screenshot({ path: `${SCREENSHOTS}/variant-native-po.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
