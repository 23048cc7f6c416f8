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

describe("from a critical suggestion to an approved purchase order", () => {
  it("filters critical lines, drafts POs from a selection, submits one and approves it as the approver", async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/app/replenishment`);
    await page.waitForLoadState("networkidle"); // hydrated: clicks now reach React
    await page.getByRole("tab", { name: /^Critical/ }).click();
    await page.waitForURL(/urgency=critical/);
    // Wait for the filtered rows themselves (the unfiltered table stays on screen while they load).
    await expect.poll(async () => (await page.locator("tbody tr").allInnerTexts()).every((t) => t.includes("critical"))).toBe(true);
    await page.waitForLoadState("networkidle");
    // The row's second cell (after the selection checkbox) holds the product title, then variant · SKU.
    const product = (await page.locator("tbody tr").first().locator("td").nth(1).innerText()).split("\n")[0].trim();
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
  });
});
