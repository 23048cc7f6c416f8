import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { NAV_ITEMS } from "~/components/nav-items";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = inject("demoBaseUrl");
const SHOP = "stockcast-demo.myshopify.com";
const browser = launchSharedBrowser();

describe("the demo, in a real browser", () => {
  it("shows the demo shop's data on the Overview, counted independently from the database", async () => {
    const db = createPrismaClient(inject("demoDatabaseUrl"));
    const [variants, locations, vendors, orders] = await Promise.all([
      db.variant.count({ where: { shop: SHOP, deletedAt: null } }),
      db.location.count({ where: { shop: SHOP, deletedAt: null } }),
      db.vendor.count({ where: { shop: SHOP } }),
      db.orderLine.findMany({ where: { shop: SHOP }, distinct: ["orderGid"], select: { orderGid: true } }).then((r) => r.length),
    ]);
    const shop = await db.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    await db.$disconnect();
    expect(variants).toBeGreaterThanOrEqual(300);

    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app`);
    await poll(() => page.textContent("body")).toContain(shop.name);
    const shown = async (id: string) => Number((await page.textContent(`#count-${id}`))!.replace(/,/g, ""));
    expect(await shown("variants")).toBe(variants);
    expect(await shown("locations")).toBe(locations);
    expect(await shown("vendors")).toBe(vendors);
    expect(await shown("orders")).toBe(orders);
    await poll(() => page.getByText("Demo mode").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/overview.png`, fullPage: true });
  });

  it("serves the login page with headers that forbid framing it outside the admin and sniffing it", async () => {
    const response = await fetch(`${baseUrl}/auth/login`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none';");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // An embedded document keeps the admin's frame-ancestors.
    const app = await fetch(`${baseUrl}/app?shop=${SHOP}&embedded=1`, { redirect: "manual" });
    expect(app.status).toBe(200);
    expect(app.headers.get("content-security-policy")).toContain(`frame-ancestors https://${SHOP} https://admin.shopify.com`);
    expect(app.headers.has("x-frame-options")).toBe(false);
    // The build carries public/favicon.ico (browsers ask for it on every page) and the app icon every page links.
    expect((await fetch(`${baseUrl}/favicon.ico`)).status).toBe(200);
    expect(await app.text()).toContain('<link rel="icon" href="/icon.svg" type="image/svg+xml"/>');
    expect((await fetch(`${baseUrl}/icon.svg`)).headers.get("content-type")).toContain("image/svg+xml");
  });

  it("refuses an oversized body with 413, and a body of undeclared size with 411, before reading it, and stays healthy", async () => {
    // Declared length: refused at once (webhooks take at most 5 MB).
    const big = await fetch(`${baseUrl}/webhooks/orders`, { method: "POST", headers: { "Content-Type": "application/json" }, body: Buffer.alloc(25 * 1024 * 1024, 0x20) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("a webhook may be at most 5120 KB");
    // Undeclared length (chunked): its size is known only once read, so it is refused unread.
    const chunks = Array.from({ length: 20 }, () => new Uint8Array(8 * 1024).fill(0x61));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const chunked = await fetch(`${baseUrl}/auth/login`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: stream, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(await chunked.text()).toContain("send a sign-in request with a Content-Length header");
    // Any other form: 1 MB.
    const form = await fetch(`${baseUrl}/app/settings`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `intent=planning&x=${"a".repeat(1100 * 1024)}` });
    expect(form.status).toBe(413);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it("navigates to every screen from the app's navigation", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app`);
    for (const item of NAV_ITEMS.slice(1)) {
      await page.getByRole("navigation", { name: "Stockcast" }).getByRole("link", { name: item.label, exact: true }).click();
      await page.waitForURL(`${baseUrl}${item.url}`);
      await poll(() => page.getByRole("heading", { name: item.label, level: 1 }).count()).toBe(1);
      await page.screenshot({ path: `${SCREENSHOTS}/${item.url.split("/").pop()}.png`, fullPage: true });
    }
  });
});
