// The embedded path is real (Shopify session tokens), and the demo bypass cannot be reached without its flag.
import { getJwt, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_ENCRYPTION_KEY, parseEnv } from "~/utils/env.server";

const SHOP = "auth-test-shop.myshopify.com";
const OWN_KEY = "q0N8b7m1Zr2yKcP4wVxT9sJhL6gFdE3aU5iO0pQ1rSs=";
const APP = "https://stockcast.example";

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected the loader to throw a Response");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("with Shopify credentials and no demo flag", () => {
  it("sends /app without a session to Shopify auth", async () => {
    const { loader } = await import("~/routes/app");
    const response = await thrown(loader({ request: new Request(`${APP}/app`), params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/login/);
  });

  it("sends a shop opened outside the admin back into the Shopify admin", async () => {
    const { loader } = await import("~/routes/app");
    const host = Buffer.from(`admin.shopify.com/store/auth-test-shop`).toString("base64");
    const response = await thrown(loader({ request: new Request(`${APP}/app?shop=${SHOP}&host=${host}`), params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("admin.shopify.com/store/auth-test-shop/apps/test-api-key");
  });

  it("never serves the demo shop: the Overview loader demands Shopify auth even when demo data exist", async () => {
    const prisma = (await import("~/db.server")).default;
    await prisma.shop.upsert({ where: { shop: "stockcast-demo.myshopify.com" }, create: { shop: "stockcast-demo.myshopify.com", name: "Demo", isDemo: true }, update: {} });
    const { loader } = await import("~/routes/app._index");
    const response = await thrown(loader({ request: new Request(`${APP}/app`), params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/login/);
  });

  it("rejects a forged session token with 401 and the retry header", async () => {
    const { token } = await getJwt("auth-test-shop", "test-api-key", "not-the-secret");
    const { loader } = await import("~/routes/app._index");
    const request = new Request(`${APP}/app`, { headers: { Authorization: `Bearer ${token}` } });
    const response = await thrown(loader({ request, params: {}, context: {} }));
    expect(response.status).toBe(401);
    expect(response.headers.get("x-shopify-retry-invalid-session-request")).toBe("1");
  });

  it("serves the shop named by a valid session token with a stored offline session", async () => {
    const { sessionStorage } = await import("~/shopify.server");
    const session = setUpValidSession({ shop: SHOP });
    session.expires = new Date(Date.now() + 24 * 3600_000);
    await sessionStorage.storeSession(session);
    const prisma = (await import("~/db.server")).default;
    await prisma.shop.upsert({ where: { shop: SHOP }, create: { shop: SHOP, name: "Auth Test Shop" }, update: {} });
    const { token } = await getJwt("auth-test-shop", "test-api-key", "test-api-secret");
    const { loader } = await import("~/routes/app._index");
    const request = new Request(`${APP}/app`, { headers: { Authorization: `Bearer ${token}` } });
    const response = (await loader({ request, params: {}, context: {} })) as Response;
    const body = await response.json();
    expect(body.shopName).toBe("Auth Test Shop");
  });
});

describe("demo mode guard rails", () => {
  const base = { NODE_ENV: "production", DATABASE_URL: "file:./x.db", STOCKCAST_DEMO: "1" };

  it("refuses demo mode in production unless started by `npm run demo`", () => {
    expect(() => parseEnv(base)).toThrow(/only runs through `npm run demo`/);
    expect(parseEnv({ ...base, npm_lifecycle_event: "demo" }).demoMode).toBe(true);
    expect(() => parseEnv({ ...base, npm_lifecycle_event: "start" })).toThrow(/npm run demo/);
  });

  it("refuses demo mode when real Shopify credentials are configured", () => {
    expect(() => parseEnv({ ...base, npm_lifecycle_event: "demo", SHOPIFY_API_SECRET: "shpss_real" })).toThrow(/real Shopify credentials/);
  });

  it("is off unless the flag is exactly 1, and then Shopify credentials are required", () => {
    const real = { NODE_ENV: "production", SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://a.example", STOCKCAST_ENCRYPTION_KEY: OWN_KEY };
    expect(parseEnv(real).demoMode).toBe(false);
    expect(() => parseEnv({ ...real, STOCKCAST_DEMO: "true" })).toThrow(/STOCKCAST_DEMO/);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SHOPIFY_API_KEY is required/);
  });

  it("production needs an encryption key of its own; demo mode, development and tests use the published one", () => {
    const real = { NODE_ENV: "production", SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://a.example" };
    const required = "STOCKCAST_ENCRYPTION_KEY is required in production and must not be the published demo key (create one with `openssl rand -base64 32`).";
    expect(() => parseEnv(real)).toThrow(required);
    expect(() => parseEnv({ ...real, STOCKCAST_ENCRYPTION_KEY: DEMO_ENCRYPTION_KEY })).toThrow(required);
    expect(() => parseEnv({ ...real, STOCKCAST_ENCRYPTION_KEY: "too-short" })).toThrow("STOCKCAST_ENCRYPTION_KEY must be 32 random bytes in base64");
    expect(() => parseEnv({ ...real, STOCKCAST_ENCRYPTION_KEY: OWN_KEY, STOCKCAST_ENCRYPTION_OLD_KEYS: `${DEMO_ENCRYPTION_KEY},nope` })).toThrow(
      "each of STOCKCAST_ENCRYPTION_OLD_KEYS must be 32 random bytes in base64",
    );
    const rotated = parseEnv({ ...real, STOCKCAST_ENCRYPTION_KEY: OWN_KEY, STOCKCAST_ENCRYPTION_OLD_KEYS: ` ${DEMO_ENCRYPTION_KEY} ` });
    expect(rotated).toMatchObject({ encryptionKey: OWN_KEY, STOCKCAST_ENCRYPTION_OLD_KEYS: [DEMO_ENCRYPTION_KEY] });
    expect(parseEnv({ NODE_ENV: "production", STOCKCAST_DEMO: "1", npm_lifecycle_event: "demo", STOCKCAST_ENCRYPTION_KEY: OWN_KEY }).encryptionKey).toBe(DEMO_ENCRYPTION_KEY);
    expect(parseEnv({ ...real, NODE_ENV: "test" }).encryptionKey).toBe(DEMO_ENCRYPTION_KEY);
  });

  it("with the flag, serves the demo shop without Shopify", async () => {
    vi.stubEnv("STOCKCAST_DEMO", "1");
    vi.stubEnv("SHOPIFY_API_SECRET", "demo-secret");
    vi.stubEnv("NODE_ENV", "development");
    vi.resetModules();
    const { loader } = await import("~/routes/app._index");
    const response = (await loader({ request: new Request("http://localhost/app"), params: {}, context: {} })) as Response;
    expect((await response.json()).shopName).toBe("Demo");
  });
});
