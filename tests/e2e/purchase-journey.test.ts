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
    await page.getByRole("tab", { name: /^Critical/ }).click();
    await page.waitForURL(/urgency=critical/);
    await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThan(1);
    const firstLine = await page.locator("tbody tr").first().innerText();
    await page.locator("tbody tr").first().getByRole("checkbox").check({ force: true });
    await page.screenshot({ path: `${SCREENSHOTS}/journey-1-replenishment-critical.png`, fullPage: true });
    await page.getByRole("button", { name: "Create purchase orders" }).click();

    await page.waitForURL(/\/app\/purchase-orders\/[^/?]+$/);
    await expect.poll(() => page.locator("body").innerText()).toContain(firstLine.split("\n")[0]);
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
