// Issue "Live plan" on the demo in Chromium: a signed inventory_levels/update that sells out a well-stocked, selling
// line makes it critical, with a suggestion, on Replenishment and in its CSV export, with no click on Re-plan.
import crypto from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();
const DEMO_SHOP = "stockcast-demo.myshopify.com";
const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/** Sends one webhook as Shopify would: raw JSON body, HMAC-SHA256 with the demo's published secret. */
async function sendWebhook(topic: string, route: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${baseUrl}${route}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": crypto.createHmac("sha256", "demo-secret").update(body, "utf8").digest("base64"),
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": DEMO_SHOP,
      "X-Shopify-Webhook-Id": crypto.randomUUID(),
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Event-Id": crypto.randomUUID(),
    },
  });
  return response.status;
}

describe("the plan follows a stock webhook", () => {
  it("a sell-out reported by Shopify turns a well-stocked line critical, on screen and in the export, without a click", async () => {
    process.env.DATABASE_URL = inject("demoDatabaseUrl");
    const { default: prisma } = await import("~/db.server");
    const run = await prisma.planRun.findFirstOrThrow({ where: { shop: DEMO_SHOP, status: "complete" }, orderBy: { finishedAt: "desc" } });
    // A well-stocked line that sells: low urgency, at least 40 available, about a unit a day or more.
    const line = await prisma.replenishmentLine.findFirstOrThrow({
      where: { shop: DEMO_SHOP, planRunId: run.id, urgency: "low", available: { gte: 40 }, avgDailyDemand: { gte: 1 }, suggestedQty: 0 },
      orderBy: { avgDailyDemand: "desc" },
    });
    const variant = await prisma.variant.findFirstOrThrow({ where: { shop: DEMO_SHOP, id: line.variantId } });
    const location = await prisma.location.findFirstOrThrow({ where: { shop: DEMO_SHOP, id: line.locationId } });
    expect(variant.sku).toBeTruthy();
    // Newer than what the demo stored for the level (an older delivery would rightly be ignored).
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shop: DEMO_SHOP, variantId: line.variantId, locationId: line.locationId } });
    const updatedAt = new Date(Math.max(Date.now(), (level.shopifyUpdatedAt ?? level.updatedAt).getTime() + 60_000));

    const sent = Date.now();
    const payload = {
      inventory_item_id: Number(numericId(variant.inventoryItemId!)),
      location_id: Number(numericId(location.shopifyId)),
      available: 0,
      updated_at: updatedAt.toISOString(),
      admin_graphql_api_id: `gid://shopify/InventoryLevel/${numericId(location.shopifyId)}?inventory_item_id=${numericId(variant.inventoryItemId!)}`,
    };
    expect(await sendWebhook("inventory_levels/update", "/webhooks/inventory_levels", payload)).toBe(200);

    // Replenishment, searched by SKU, reloaded until the row at this location is critical with a suggestion.
    const page = await newPage(browser());
    const row = async () => {
      await page.goto(`${baseUrl}/app/replenishment?q=${encodeURIComponent(variant.sku!)}`);
      await page.waitForLoadState("networkidle");
      const rows = await page.locator("tbody tr").allInnerTexts();
      return rows.find((r) => r.includes(location.name)) ?? "";
    };
    await poll(row).toMatch(/critical/);
    console.info(`[live plan] the sell-out showed as critical on Replenishment ${((Date.now() - sent) / 1000).toFixed(1)} s after the webhook`);
    await page.screenshot({ path: `${SCREENSHOTS}/live-plan-webhook-critical.png`, fullPage: true });
    const replanned = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop: DEMO_SHOP, planRunId: run.id, variantId: line.variantId, locationId: line.locationId } });
    expect(replanned).toMatchObject({ available: 0, urgency: "critical" });
    expect(replanned.suggestedQty).toBeGreaterThan(0);

    // The export says the same.
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), `${baseUrl}/app/replenishment/export?q=${encodeURIComponent(variant.sku!)}`);
    const exported = csv.split(/\r?\n/).find((r) => r.includes(location.name));
    expect(exported).toContain("critical");
    expect(exported).toContain(String(replanned.suggestedQty));
  });
});
