// Landed cost in the demo: two suggestions of one vendor × location drafted into one PO, $50 freight spread
// by value (shares add up to the cent, each line's landed unit cost shown), then approved, sent and received:
// the variant page shows the received landed cost beside Shopify's cost.
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();
const statusBadge = (page: Page, status: string) => page.getByText(status, { exact: true }).first();
/** "$1,234.5678" → 1234.5678 */
const money = (text: string) => Number(text.replace(/[^0-9.-]/g, ""));

async function clickAction(page: Page, name: string) {
  const direct = page.getByRole("button", { name, exact: true });
  if ((await direct.count()) === 0) await page.getByRole("button", { name: /More actions|Actions/ }).first().click();
  await page.getByRole("button", { name, exact: true }).or(page.getByRole("menuitem", { name })).first().click();
}

async function landedRows(card: Locator) {
  const rows = await card.locator("tbody tr").all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = (await row.locator("td, th").allInnerTexts()).map((t) => t.trim());
      return { variant: cells[0], vendorSku: cells[1], units: Number(cells[2].replace(/,/g, "")), unitCost: money(cells[3]), share: money(cells[4]), landedText: cells[5], landed: money(cells[5]) };
    }),
  );
}

describe("landed cost", () => {
  it("spreads freight by value over a PO's lines, shows each landed unit cost, and stores it on the variant at receipt", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app/replenishment`);
    await page.waitForLoadState("networkidle");
    await poll(() => page.locator("tbody tr").count()).toBeGreaterThan(1);
    // Two priced lines of the same vendor and location go into one purchase order.
    const rows = await page.locator("tbody tr").all();
    const cells = await Promise.all(rows.map(async (r) => (await r.locator("td").allInnerTexts()).map((t) => t.trim())));
    const priced = cells.map((c, i) => ({ i, key: `${c[2]}|${c[3]}`, value: c[10] ?? "" })).filter((r) => /\$\d/.test(r.value) && money(r.value) > 0);
    const pair = priced.find((a) => priced.some((b) => b.i !== a.i && b.key === a.key));
    expect(pair).toBeDefined();
    const second = priced.find((b) => b.i !== pair!.i && b.key === pair!.key)!;
    const firstSku = cells[pair!.i][1].split("\n").at(-1)!.split("·").at(-1)!.trim();
    const vendorName = cells[pair!.i][3];

    // The vendor's own SKU for the first variant, set on the vendor page, shows on the purchase order.
    process.env.DATABASE_URL = inject("demoDatabaseUrl");
    const { default: prisma } = await import("~/db.server");
    const vendor = await prisma.vendor.findFirstOrThrow({ where: { shop: "stockcast-demo.myshopify.com", name: vendorName } });
    await page.goto(`${baseUrl}/app/vendors/${vendor.id}`);
    await page.waitForLoadState("networkidle");
    const terms = page.locator(".Polaris-ShadowBevel", { has: page.getByRole("heading", { name: "Vendor SKUs and prices" }) }).last();
    await terms.locator("tr", { hasText: firstSku }).getByLabel(/^Vendor SKU of/).fill("VEND-E2E-001");
    await terms.getByRole("button", { name: "Save vendor SKUs" }).click();
    await poll(() => prisma.vendorVariant.count({ where: { vendorId: vendor.id, vendorSku: "VEND-E2E-001" } })).toBe(1);
    // Reloaded from the server, the saved code is in its field and nothing is left to save.
    await poll(() => terms.locator("tr", { hasText: firstSku }).getByLabel(/^Vendor SKU of/).inputValue()).toBe("VEND-E2E-001");
    await poll(() => terms.getByRole("button", { name: "Save vendor SKUs" }).isDisabled()).toBe(true);
    await poll(() => page.getByText("Vendor SKUs and prices saved.").count()).toBe(1);
    expect(await page.getByText("The new lead time and minimum order apply").count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/landed-cost-0-vendor-sku.png`, fullPage: true });

    await page.goto(`${baseUrl}/app/replenishment`);
    await page.waitForLoadState("networkidle");
    await poll(async () => (await page.locator("tbody tr").nth(pair!.i).locator("td").nth(1).innerText()).includes(firstSku)).toBe(true);
    const again = await page.locator("tbody tr").all();
    await again[pair!.i].getByRole("checkbox").check({ force: true });
    await again[second.i].getByRole("checkbox").check({ force: true });
    await poll(() => page.getByRole("button", { name: "Create purchase orders" }).count()).toBe(1);
    await page.getByRole("button", { name: "Create purchase orders" }).click();
    await page.waitForURL(/\/app\/purchase-orders\/[^/?]+$/);
    await poll(() => statusBadge(page, "Draft").count()).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");

    const card = page.locator(".Polaris-ShadowBevel", { has: page.getByRole("heading", { name: "Landed cost" }) }).last();
    await card.getByLabel("Freight").fill("50");
    await expect(await card.getByLabel("Spread charges").inputValue()).toBe("value");
    await card.getByRole("button", { name: "Save charges" }).click();
    await poll(async () => (await card.locator("tfoot, .Polaris-DataTable__TableRow--total, tr").last().innerText()).includes("$50.00")).toBe(true);
    const lines = await landedRows(card);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.find((l) => l.variant.includes(firstSku))?.vendorSku).toBe("VEND-E2E-001");
    // The shares add up to the freight exactly, each in proportion to its line's value (within the cent
    // largest-remainder rounding moves), and the landed unit cost is unit cost + share ÷ units.
    expect(lines.reduce((s, l) => s + Math.round(l.share * 100), 0)).toBe(5_000);
    const totalValue = lines.reduce((s, l) => s + l.units * l.unitCost, 0);
    for (const l of lines) {
      expect(Math.abs(l.share - (50 * l.units * l.unitCost) / totalValue)).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(Math.abs(l.landed - (l.unitCost + l.share / l.units))).toBeLessThan(0.0001 + 1e-9);
      expect(l.landed).toBeGreaterThan(l.unitCost);
    }
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/landed-cost-1-freight-by-value.png`, fullPage: true });

    // Approve (as the other approver: the submitter may not), mark as sent, receive everything.
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await poll(() => statusBadge(page, "Pending approval").count()).toBeGreaterThan(0);
    const acting = page.getByLabel("Acting as (demo)");
    const approver = await acting.locator("option", { hasText: "approves purchase orders" }).first().getAttribute("value");
    await acting.selectOption(approver!);
    await poll(() => page.getByRole("button", { name: "Approve" }).count()).toBe(1);
    await page.getByRole("button", { name: "Approve" }).click();
    await poll(() => statusBadge(page, "Approved").count()).toBeGreaterThan(0);
    await clickAction(page, "Mark as sent without email");
    await poll(() => statusBadge(page, "Sent").count()).toBeGreaterThan(0);
    await poll(() => page.getByLabel(/received now$/).count()).toBe(lines.length);
    await page.getByRole("button", { name: "Receive", exact: true }).click();
    await poll(() => statusBadge(page, "Received").count()).toBeGreaterThan(0);
    await poll(() => card.innerText()).toContain("Charges can't change once a purchase order is received");
    await page.screenshot({ path: `${SCREENSHOTS}/landed-cost-2-received.png`, fullPage: true });

    // The variant page shows the landed cost the receipt stored, beside Shopify's cost.
    const first = lines[0];
    const sku = first.variant.split("\n").at(-1)!.trim();
    const variant = await prisma.variant.findFirstOrThrow({ where: { shop: "stockcast-demo.myshopify.com", sku } });
    expect(Number(variant.landedUnitCost)).toBeCloseTo(first.landed, 4);
    await page.goto(`${baseUrl}/app/forecasts/${variant.id}`);
    await page.waitForLoadState("networkidle");
    await poll(() => page.locator("body").innerText()).toContain(`Landed cost ${first.landedText}`);
    await page.screenshot({ path: `${SCREENSHOTS}/landed-cost-3-variant.png`, fullPage: false });
  });
});
