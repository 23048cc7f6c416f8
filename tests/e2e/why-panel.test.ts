// Issue 16 item 1 on the demo in Chromium: the why behind a suggested quantity opens on tap (not a hover
// tooltip), says one plain sentence first, then numbers that add up, which this test parses and sums.
import { describe, expect, inject, it } from "vitest";
import type { Locator } from "playwright-core";
import { launchSharedBrowser, newPage, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();

const int = (s: string | undefined) => Number(s);

/** Parses a why panel's sums and checks that each adds up; returns the suggestion. */
async function expectPanelAddsUp(panel: Locator): Promise<number> {
  const text = async (id: string) => (await panel.getByTestId(id).innerText()).replace(/\s+/g, " ").trim();
  const sentence = await text("why-sentence");
  expect(sentence).toMatch(/^Sells (about|no sales)/);
  expect(sentence).not.toMatch(/croston|ses\(|RMSSE/i);

  const rop = (await text("why-sum-reorder-point")).match(/^Lead-time demand (-?\d+) \+ safety stock (-?\d+) = reorder point (-?\d+)$/);
  expect(rop, "reorder point sum").not.toBeNull();
  expect(int(rop![1]) + int(rop![2])).toBe(int(rop![3]));

  const target = (await text("why-sum-order-up-to")).match(/^Reorder point (-?\d+) \+ cover until the next review (-?\d+) = order-up-to level (-?\d+)$/);
  expect(target, "order-up-to sum").not.toBeNull();
  expect(int(target![1])).toBe(int(rop![3]));
  expect(int(target![1]) + int(target![2])).toBe(int(target![3]));

  const position = (await text("why-sum-position")).match(/^Available (-?\d+) \+ on order (\d+) = position (-?\d+)$/);
  expect(position, "position sum").not.toBeNull();
  expect(int(position![1]) + int(position![2])).toBe(int(position![3]));

  const before = (await text("why-sum-before-rounding")).match(/^Order-up-to level (-?\d+) − position (-?\d+)(?: − in draft (\d+))? = (-?\d+)/);
  expect(before, "quantity before rounding").not.toBeNull();
  expect(int(before![1])).toBe(int(target![3]));
  expect(int(before![2])).toBe(int(position![3]));
  expect(int(before![1]) - int(before![2]) - int(before![3] ?? "0")).toBe(int(before![4]));

  // Each rounding step starts where the last ended; the suggestion is where the chain ends.
  let q = Math.max(0, int(before![4]));
  for (const step of await panel.getByTestId("why-step").allInnerTexts()) {
    const m = step.trim().match(/: (\d+) → (\d+)$/);
    expect(m, step).not.toBeNull();
    expect(int(m![1])).toBe(q);
    q = int(m![2]);
  }
  const suggested = (await text("why-suggested")).match(/^Suggested (\d+)$/);
  expect(int(suggested![1])).toBe(q);
  // The sentence uses the same figures.
  expect(sentence).toContain(`keep ${target![3]} available or on order; you have ${position![3]}`);
  if (int(before![4]) > 0 && !/do not reorder|contradict/.test(sentence)) expect(sentence).toContain(`so order ${before![4]}`);
  // Method codes and error metrics sit in the details disclosure only.
  await expect(panel.getByTestId("why-details").innerText()).resolves.not.toMatch(/RMSSE/);
  await panel.getByTestId("why-details").locator("summary").click();
  await expect(panel.getByTestId("why-details").innerText()).resolves.toMatch(/Method .+, chosen by rolling-origin cross-validation/);
  return q;
}

describe("the why behind a suggestion", () => {
  it("opens on tap on Replenishment and on the variant page, and its numbers add up", async () => {
    // A touch screen: hover tooltips are invisible there.
    const page = await newPage(browser(), { hasTouch: true });
    await page.goto(`${baseUrl}/app/replenishment?sort=quantity`);
    await page.waitForLoadState("networkidle");
    const row = page.locator("tbody tr").first();
    const quantity = Number(await row.getByLabel("Suggested quantity").inputValue());
    expect(quantity).toBeGreaterThan(0);
    await row.getByRole("button", { name: /^Why this quantity/ }).tap();
    const panel = page.getByTestId("why-panel");
    await panel.waitFor();
    expect(await expectPanelAddsUp(panel)).toBe(quantity);
    await page.screenshot({ path: `${SCREENSHOTS}/why-panel-replenishment.png`, fullPage: true });
    await page.context().close();

    // The variant page shows the same panel inline.
    process.env.DATABASE_URL = inject("demoDatabaseUrl");
    const { default: prisma } = await import("~/db.server");
    const run = await prisma.planRun.findFirstOrThrow({ where: { status: "complete" }, orderBy: { finishedAt: "desc" } });
    const line = await prisma.replenishmentLine.findFirstOrThrow({ where: { planRunId: run.id, suggestedQty: { gt: 0 } }, orderBy: [{ suggestedQty: "desc" }, { id: "asc" }] });
    const variantPage = await newPage(browser());
    await variantPage.goto(`${baseUrl}/app/forecasts/${line.variantId}?location=${line.locationId}`);
    await variantPage.waitForLoadState("networkidle");
    await variantPage.getByText("Why Stockcast suggests").waitFor();
    expect(await expectPanelAddsUp(variantPage.getByTestId("why-panel"))).toBe(line.editedQty ?? line.suggestedQty);
    await variantPage.screenshot({ path: `${SCREENSHOTS}/why-panel-variant.png`, fullPage: true });
  });
});
