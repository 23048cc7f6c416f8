// Debian's Chromium via playwright-core (its own browser download cannot work offline).
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

export const SCREENSHOTS = "test-results/screenshots";

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/**
 * A page with a normal desktop user agent (Shopify's auth treats "HeadlessChrome" as a bot), in its own context:
 * a 1280 × 900 screen unless `screen` says otherwise (a phone's width, a touch screen).
 */
export async function newPage(browser: Browser, screen: { viewport?: { width: number; height: number }; hasTouch?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: screen.viewport ?? { width: 1280, height: 900 },
    hasTouch: screen.hasTouch ?? false,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  });
  // Playwright's 30 s default is tight when the demo shares 2 cores with the suite and other work.
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return context.newPage();
}

/** The uncaught errors `page` throws from now on, for a test to assert there were none at its end. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** Launches Chromium before the calling test file's tests and closes it after them; returns its getter. */
export function launchSharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is launched in beforeAll");
    return browser;
  };
}

/** The demo shares 2 cores with other work: give each revalidation time. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 90_000, interval: 200 });
