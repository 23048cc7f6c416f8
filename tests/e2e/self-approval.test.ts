// Segregation of duties in the demo (two staff approve, so the rule is on by default): the owner submits a
// draft and is refused approving it in plain words; the approving manager then approves it.
import type { Page } from "playwright-core";
import { describe, inject, it } from "vitest";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();
const statusBadge = (page: Page, status: string) => page.getByText(status, { exact: true }).first();

describe("segregation of duties", () => {
  it("refuses the submitter's own approval, then another approver approves", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app/replenishment`);
    await page.waitForLoadState("networkidle");
    await page.locator("tbody tr").first().getByRole("checkbox").check({ force: true });
    await poll(() => page.getByRole("button", { name: "Create purchase orders" }).count()).toBe(1);
    await page.getByRole("button", { name: "Create purchase orders" }).click();
    await page.waitForURL(/\/app\/purchase-orders\/[^/?]+$/);
    await poll(() => statusBadge(page, "Draft").count()).toBeGreaterThan(0);

    const acting = page.getByLabel("Acting as (demo)");
    const owner = await acting.locator("option", { hasText: "Owner" }).first().getAttribute("value");
    await acting.selectOption(owner!);
    await poll(() => page.getByRole("button", { name: "Submit for approval" }).count()).toBe(1);
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await poll(() => statusBadge(page, "Pending approval").count()).toBeGreaterThan(0);
    await poll(() => page.getByRole("button", { name: "Approve" }).count()).toBe(1);
    await page.getByRole("button", { name: "Approve" }).click();
    await poll(() => page.locator("body").innerText()).toContain("You submitted this purchase order, so someone else must approve it.");
    await poll(() => statusBadge(page, "Pending approval").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/self-approval-refused.png`, fullPage: true });

    const approver = await acting.locator("option", { hasText: "approves purchase orders" }).first().getAttribute("value");
    await acting.selectOption(approver!);
    await poll(() => page.getByRole("button", { name: "Approve" }).count()).toBe(1);
    await page.getByRole("button", { name: "Approve" }).click();
    await poll(() => statusBadge(page, "Approved").count()).toBeGreaterThan(0);
  });
});
