// Settings in Chromium on the demo: one page with a tab per section; /app/settings shows Planning, each tab
// opens its own URL with its own card, and a CSV uploaded on the Import tab reaches the import section's action
// and shows in its recent imports.
import { describe, expect, inject, it } from "vitest";
import { launchSharedBrowser, newPage, pageErrors, poll } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();

const SECTIONS = [
  { tab: "Sync health", path: "/app/settings/sync", text: "the backfill reads the history once at install" },
  { tab: "Import history", path: "/app/settings/import", text: "Kind of file" },
  { tab: "Notifications", path: "/app/settings/notifications", text: "Email or Slack when a plan raises an alert" },
  { tab: "Staff roles", path: "/app/settings/staff", text: "Map Shopify staff to Stockcast roles" },
  { tab: "Purchase orders", path: "/app/settings/purchase-orders", text: "Segregation of duties" },
  { tab: "Planning", path: "/app/settings", text: "Class A cycle service level" },
];

describe("Settings sections", () => {
  it("opens each section from its tab under one Settings title, and imports a CSV from the Import tab", async () => {
    const page = await newPage(browser());
    const errors = pageErrors(page);
    await page.goto(`${baseUrl}/app/settings`);
    await poll(() => page.getByText("Class A cycle service level").count()).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    for (const section of SECTIONS) {
      await page.getByRole("tab", { name: section.tab }).click();
      await page.waitForURL(`${baseUrl}${section.path}`);
      await poll(() => page.getByText(section.text).count()).toBeGreaterThan(0);
      expect(await page.getByRole("heading", { name: "Settings", level: 1 }).count()).toBe(1);
      expect(await page.getByRole("tab", { name: section.tab, selected: true }).count()).toBe(1);
    }

    await page.goto(`${baseUrl}/app/settings/import`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Kind of file").selectOption("demand");
    const fileName = `e2e-${Date.now().toString(36)}.csv`;
    await page.locator("input[type=file]").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from("sku,date,qty\nNO-SUCH-SKU,2026-01-05,2\n") });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await poll(() => page.getByText(fileName).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
