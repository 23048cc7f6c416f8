// Issue 16 item 3 on the demo in Chromium: Replenishment on a 390 px phone keeps on hand, suggested and urgency
// on screen; a refused "Create purchase orders" keeps the filters and the selection; "Select all N matching
// lines" totals every matching line, not one page.
import { describe, expect, inject, it } from "vitest";
import type { Locator } from "playwright-core";
import { createPrismaClient } from "~/db.server";
import { launchSharedBrowser, newPage, pageErrors, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const SHOP = "stockcast-demo.myshopify.com";
const WIDTH = 390;
const browser = launchSharedBrowser();

/** True when the element is laid out wholly inside the 390 px viewport (not scrolled off to the right). */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= WIDTH;
}

describe("Replenishment on a phone and with selections", () => {
  it("shows on hand, suggested and urgency at 390 px", async () => {
    const page = await newPage(browser(), { viewport: { width: WIDTH, height: 844 }, hasTouch: true });
    const errors = pageErrors(page);
    await page.goto(`${baseUrl}/app/replenishment?sort=quantity`);
    await page.waitForLoadState("networkidle");
    for (const heading of ["On hand", "Suggested", "Urgency"]) {
      await poll(() => onScreen(page.locator("thead th").filter({ hasText: new RegExp(`^${heading}$`) }).first())).toBe(true);
    }
    const row = page.locator("tbody tr").first();
    const cells = row.locator("td");
    // Checkbox, variant, on hand, suggested, urgency.
    expect(await cells.count()).toBe(5);
    const onHand = cells.nth(2);
    expect(await onHand.innerText()).toMatch(/^-?\d+$/);
    expect(await onScreen(onHand)).toBe(true);
    const quantity = row.getByLabel("Suggested quantity");
    expect(Number(await quantity.inputValue())).toBeGreaterThan(0);
    expect(await onScreen(quantity)).toBe(true);
    const urgency = cells.nth(4);
    // The badge's text plus Polaris's hidden tone label.
    expect(await urgency.innerText()).toMatch(/^(critical|high|medium|low|none)\b/i);
    expect(await onScreen(urgency)).toBe(true);
    // Nothing wider than the phone: no sideways scrolling to reach them.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `${SCREENSHOTS}/replenishment-390.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps the filters and the selection when drafting is refused, and totals all matching lines", async () => {
    // A line with nothing to order: drafting it alone is refused ("Nothing to order").
    const db = createPrismaClient(inject("demoDatabaseUrl"));
    let target: { sku: string; locationId: string };
    let critical: number;
    try {
      const run = await db.planRun.findFirstOrThrow({ where: { shop: SHOP, status: "complete" }, orderBy: { finishedAt: "desc" } });
      const line = await db.replenishmentLine.findFirstOrThrow({ where: { shop: SHOP, planRunId: run.id, suggestedQty: 0, editedQty: null, vendorId: { not: null } }, orderBy: { id: "asc" } });
      const variant = await db.variant.findUniqueOrThrow({ where: { id: line.variantId } });
      target = { sku: variant.sku!, locationId: line.locationId };
      critical = await db.replenishmentLine.count({ where: { shop: SHOP, planRunId: run.id, urgency: "critical" } });
    } finally {
      await db.$disconnect();
    }
    const page = await newPage(browser());
    const url = `${baseUrl}/app/replenishment?q=${encodeURIComponent(target.sku)}&location=${target.locationId}`;
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const checkbox = page.locator("tbody tr").first().getByRole("checkbox");
    await checkbox.check({ force: true });
    await poll(() => page.getByTestId("selection-summary").innerText()).toMatch(/^1 line selected\s+0 units/);
    await page.getByRole("button", { name: "Create purchase orders" }).click();
    await poll(() => page.getByTestId("draft-error").innerText()).toBe("Nothing to order: the selected lines are all at 0 units");
    expect(page.url()).toBe(url);
    expect(await checkbox.isChecked()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/replenishment-draft-refused.png`, fullPage: true });

    // More critical lines than one page of 50: select the page, then every matching line.
    expect(critical).toBeGreaterThan(50);
    await page.goto(`${baseUrl}/app/replenishment?urgency=critical`);
    await page.waitForLoadState("networkidle");
    await page.locator("thead").getByRole("checkbox").first().check({ force: true });
    await page.getByRole("button", { name: `Select all ${critical.toLocaleString("en-US")} matching lines` }).click();
    await poll(() => page.getByTestId("selection-summary").innerText()).toMatch(new RegExp(`^${critical.toLocaleString("en-US")} lines selected`));
    await page.screenshot({ path: `${SCREENSHOTS}/replenishment-select-all.png`, fullPage: true });
    await page.context().close();
  });
});
