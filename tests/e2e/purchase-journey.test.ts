import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusBadge = (page: Page, status: string) => page.getByText(status, { exact: true }).first();

const cellText = async (page: Page, row: number, cell: number) => (await page.locator("tbody tr").nth(row).locator("td").nth(cell).innerText()).trim();

describe("from a critical suggestion to received stock", () => {
  it("filters critical lines, drafts a PO, submits, approves as the approver, sends, receives in two parts, and re-plans", async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/app/replenishment`);
    await page.waitForLoadState("networkidle"); // hydrated: clicks now reach React
    await page.getByRole("tab", { name: /^Critical/ }).click();
    await page.waitForURL(/urgency=critical/);
    // Wait for the filtered rows themselves (the unfiltered table stays on screen while they load).
    await expect.poll(async () => (await page.locator("tbody tr").allInnerTexts()).every((t) => t.includes("critical"))).toBe(true);
    await page.waitForLoadState("networkidle");
    // The row's second cell (after the selection checkbox) holds the product title, then variant · SKU.
    const [product, variantLine] = (await cellText(page, 0, 1)).split("\n").map((t) => t.trim());
    const sku = variantLine.split("·").pop()!.trim();
    const location = await cellText(page, 0, 2);
    const onHandBefore = Number(await cellText(page, 0, 4));
    expect(product.length).toBeGreaterThan(0);
    await page.locator("tbody tr").first().getByRole("checkbox").check({ force: true });
    await page.screenshot({ path: `${SCREENSHOTS}/journey-1-replenishment-critical.png`, fullPage: true });
    await expect.poll(() => page.getByRole("button", { name: "Create purchase orders" }).count()).toBe(1);
    await page.getByRole("button", { name: "Create purchase orders" }).click();

    await page.waitForURL(/\/app\/purchase-orders\/[^/?]+$/);
    await expect.poll(() => page.locator("body").innerText()).toContain(product);
    await expect.poll(() => statusBadge(page, "Draft").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/journey-2-draft-po.png`, fullPage: true });

    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect.poll(() => statusBadge(page, "Pending approval").count()).toBeGreaterThan(0);

    const approver = await page.getByLabel("Acting as (demo)").locator("option", { hasText: "approver" }).first().getAttribute("value");
    await page.getByLabel("Acting as (demo)").selectOption(approver!);
    await expect.poll(() => page.getByRole("button", { name: "Approve" }).count()).toBe(1);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => statusBadge(page, "Approved").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/journey-3-approved-po.png`, fullPage: true });

    await page.getByRole("button", { name: "Mark as sent" }).click();
    await expect.poll(() => statusBadge(page, "Sent").count()).toBeGreaterThan(0);
    const quantity = page.getByLabel(/received now$/).first();
    await expect.poll(() => quantity.count()).toBe(1);
    const ordered = Number(await quantity.inputValue());
    expect(ordered).toBeGreaterThan(1);
    const firstPart = Math.floor(ordered / 2);
    await quantity.fill(String(firstPart));
    await page.getByRole("button", { name: "Receive", exact: true }).click();
    await expect.poll(() => statusBadge(page, "Partially received").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/journey-4-partially-received.png`, fullPage: true });
    await expect.poll(() => page.getByLabel(/received now$/).first().inputValue()).toBe(String(ordered - firstPart));
    await page.getByRole("button", { name: "Receive", exact: true }).click();
    await expect.poll(() => statusBadge(page, "Received").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/journey-5-received.png`, fullPage: true });

    // A fresh plan sees the received units on hand at the destination.
    await page.goto(`${baseUrl}/app/replenishment?q=${encodeURIComponent(sku)}`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Re-plan now" }).click();
    await page.waitForLoadState("networkidle");
    const rowAt = async () => {
      const rows = await page.locator("tbody tr").allInnerTexts();
      return rows.findIndex((r) => r.includes(location) && r.includes(sku));
    };
    await expect.poll(async () => {
      const i = await rowAt();
      return i < 0 ? null : Number(await cellText(page, i, 4));
    }, { timeout: 60_000 }).toBe(onHandBefore + ordered);
    await page.screenshot({ path: `${SCREENSHOTS}/journey-6-replenishment-after-receipt.png`, fullPage: true });
  });
});
