// Alerts on the demo shop in Chromium: groups by vendor × location and "Create draft PO" from one; acknowledge →
// gone from Open; snooze until a date → gone; move the demo clock (demo-only cookie, app/utils/clock.server.ts)
// past that date → back in Open. Screenshots saved.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();

const rows = (page: Page) => page.locator("tbody tr");
/** The alert message of a row (the link in its third cell: checkbox, severity, message). */
const messageOf = async (page: Page, i: number) => (await rows(page).nth(i).locator("td").nth(2).innerText()).trim();
const openListText = (page: Page) => page.locator("tbody").innerText();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("alert groups", () => {
  it("groups open alerts by vendor × location, keeps filters in the URL, and creates a draft PO from a group", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app/alerts`);
    await page.waitForLoadState("networkidle");
    const create = page.getByRole("button", { name: /^Create draft PO for / });
    await poll(() => create.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-0-groups.png`, fullPage: true });

    // Filters live in the URL: a reload keeps them.
    await page.goto(`${baseUrl}/app/alerts?group=rule&severity=critical`);
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    await page.reload();
    await page.waitForLoadState("networkidle");
    await poll(() => page.getByText("Severity: critical").count()).toBeGreaterThan(0);
    await poll(() => openListText(page)).toContain("Order now");
    await page.goto(`${baseUrl}/app/alerts?q=zzz-no-such-thing`);
    await poll(() => page.getByText("No alerts match these filters").count()).toBe(1);

    // Open the first vendor × location group: its alerts, then back to the groups and order it.
    await page.goto(`${baseUrl}/app/alerts`);
    await poll(() => create.count()).toBeGreaterThan(0);
    const label = (await create.first().getAttribute("aria-label"))!;
    const group = label.replace(/^Create draft PO for /, "");
    const [vendor] = group.split(" · ");
    await page.getByRole("button", { name: new RegExp(`^Show the \\d+ alerts of ${group.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).click();
    await page.waitForURL(/group=none/);
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    // The opened group offers the same "Create draft PO" as the page's primary action.
    await poll(() => page.getByRole("button", { name: "Create draft PO", exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-0-group-opened.png`, fullPage: true });
    await page.goto(`${baseUrl}/app/alerts`);
    await poll(() => create.count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: label }).click();
    await page.waitForURL(/\/app\/purchase-orders\/[^/?]+$/);
    await page.waitForLoadState("networkidle");
    await poll(() => page.locator("body").innerText()).toContain(vendor);
    await poll(() => page.getByText(/^Draft$/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-0-draft-po-from-group.png`, fullPage: true });

    // The drafted lines need no alert any more: that group has nothing left to order.
    await page.goto(`${baseUrl}/app/alerts`);
    await page.waitForLoadState("networkidle");
    await poll(() => page.getByRole("button", { name: label }).count()).toBe(0);
  });
});

describe("alerts", () => {
  it("acknowledges an alert, snoozes another until a date, and sees it return once the demo clock passes that date", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app/alerts?group=none`);
    await page.waitForLoadState("networkidle");
    await poll(() => rows(page).count()).toBeGreaterThan(2);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-1-open.png`, fullPage: true });

    // Acknowledge the first open alert: it leaves the Open tab and shows under Acknowledged.
    const acknowledged = await messageOf(page, 0);
    expect(acknowledged.length).toBeGreaterThan(10);
    await rows(page).first().getByRole("checkbox").check({ force: true });
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await poll(() => page.getByText(/1 alert acknowledged\./).count()).toBe(1);
    await poll(() => openListText(page)).not.toContain(acknowledged);

    // Snooze the (new) first alert until a date a few days ahead.
    const snoozed = await messageOf(page, 0);
    expect(snoozed).not.toBe(acknowledged);
    await rows(page).first().getByRole("checkbox").check({ force: true });
    await page.getByRole("button", { name: "Snooze…" }).click();
    const dialog = page.getByRole("dialog");
    const dateField = dialog.getByLabel("Bring back on");
    await poll(() => dateField.count()).toBe(1);
    const until = addDays((await dateField.getAttribute("min"))!, 3);
    await dateField.fill(until);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-2-snooze-modal.png`, fullPage: true });
    await dialog.getByRole("button", { name: "Snooze", exact: true }).click();
    await poll(() => page.getByText(`1 alert snoozed until ${until}.`).count()).toBe(1);
    await poll(() => openListText(page)).not.toContain(snoozed);

    await page.getByRole("tab", { name: /^Snoozed/ }).click();
    await page.waitForURL(/status=snoozed/);
    await poll(() => openListText(page)).toContain(snoozed);
    await page.getByRole("tab", { name: /^Acknowledged/ }).click();
    await page.waitForURL(/status=acknowledged/);
    await poll(() => openListText(page)).toContain(acknowledged);

    // Move the demo clock to the day after the snooze date: the snoozed alert is open again.
    await page.getByRole("tab", { name: /^Open/ }).click();
    await page.waitForURL((url) => !url.search.includes("status="));
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    await page.getByLabel("Demo clock").fill(addDays(until, 1));
    await page.getByRole("button", { name: "Move clock" }).click();
    await poll(() => page.getByText(`Demo time: ${addDays(until, 1)} (demo only)`).count()).toBe(1);
    // The clock form returns to the grouped view: list the alerts again.
    await page.goto(`${baseUrl}/app/alerts?group=none`);
    await poll(() => openListText(page)).toContain(snoozed);
    await poll(() => openListText(page)).not.toContain(acknowledged);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-3-snooze-returned.png`, fullPage: true });

    // Back to real time: the alert is snoozed again.
    await page.getByRole("button", { name: "Back to real time" }).click();
    await poll(() => page.getByText("Real time").count()).toBe(1);
    await page.goto(`${baseUrl}/app/alerts?group=none`);
    await poll(() => openListText(page)).not.toContain(snoozed);
  });

  it("mutes a rule for a variant from the list and unmutes it from the Muted tab", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app/alerts?group=none`);
    await page.waitForLoadState("networkidle");
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    const muted = await messageOf(page, 0);
    await rows(page).first().getByRole("checkbox").check({ force: true });
    // "Mute rule…" sits in the bulk-actions menu.
    const direct = page.getByRole("button", { name: "Mute rule…" });
    if ((await direct.count()) === 0) await page.getByRole("button", { name: /More actions|Actions/ }).first().click();
    await page.getByRole("button", { name: "Mute rule…" }).or(page.getByRole("menuitem", { name: "Mute rule…" })).first().click();
    const dialog = page.getByRole("dialog");
    await poll(() => dialog.innerText()).toContain(muted);
    await dialog.getByRole("button", { name: "Mute", exact: true }).click();
    await poll(() => page.getByText("Muted 1 rule.").count()).toBe(1);
    await poll(() => openListText(page)).not.toContain(muted);

    await page.getByRole("tab", { name: /^Muted/ }).click();
    await page.waitForURL(/status=muted/);
    await poll(() => rows(page).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-4-muted.png`, fullPage: true });
    await page.getByRole("button", { name: /^Unmute/ }).click();
    await poll(() => page.getByText("No muted rules").count()).toBe(1);
  });
});

describe("alert re-evaluation on the demo shop", () => {
  it("re-evaluates the stock rules after a webhook without raising a persisting condition twice", async () => {
    process.env.DATABASE_URL = inject("demoDatabaseUrl");
    const { evaluateAlerts } = await import("~/services/alerts/evaluate.server");
    const { DEMO_SHOP } = await import("~/utils/env.server");
    const none = { kind: "none" } as const;
    let t = performance.now();
    const full = await evaluateAlerts(DEMO_SHOP, new Date(), { flow: none });
    const fullMs = performance.now() - t;
    t = performance.now();
    const stock = await evaluateAlerts(DEMO_SHOP, new Date(), { scope: "stock", flow: none });
    const stockMs = performance.now() - t;
    console.info(`[alerts] demo shop: full evaluation ${fullMs.toFixed(0)} ms, stock-only (after a webhook) ${stockMs.toFixed(0)} ms`);
    expect(full.created + full.resolved).toBeGreaterThanOrEqual(0);
    // A persisting condition is one alert: evaluating again raises nothing new.
    expect(stock.created).toBe(0);
    // Timings are logged, not asserted (scripts/bench-alerts.ts measures them): the suite shares its cores.
  });
});
