// Malformed shop / host / exitIframe parameters on the admin and auth routes answer 400 through Shopify's
// real auth (they used to throw inside the library: a 500). Well-formed ones behave as before.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { loader as authLoader } from "~/routes/auth.$";
import { loader as overview } from "~/routes/app._index";
import { callRoute } from "../setup/admin-request";

const APP = "https://stockcast.example";
const b64 = (s: string) => Buffer.from(s).toString("base64").replace(/=+$/, "");
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const get = (loader: Loader, path: string) => callRoute(() => loader({ request: new Request(`${APP}${path}`), params: {}, context: {} }));

describe("malformed auth parameters", () => {
  it.each<[string, Loader, string, RegExp]>([
    ["an admin screen, a host that is no URL", overview, `/app?shop=tents.myshopify.com&host=${b64("not a host")}&embedded=1`, /host must be/],
    ["an admin screen, a shop that is no shop domain", overview, "/app?shop=evil.example.com&embedded=1", /shop must be/],
    ["the bounce page, a shop of broken UTF-8", authLoader, `/auth/session-token?shop=%E0%A4%A&host=${b64("admin.shopify.com/store/x")}`, /shop must be/],
    ["exit-iframe to a foreign site", authLoader, "/auth/exit-iframe?shop=tents.myshopify.com&exitIframe=https%3A%2F%2Fevil.example%2F", /Invalid exit-iframe destination/],
    ["exit-iframe to a protocol-relative URL", authLoader, "/auth/exit-iframe?shop=tents.myshopify.com&exitIframe=%2F%2Fevil.example", /exitIframe must be/],
  ])("%s → 400", async (_label, loader, path, message) => {
    const response = await get(loader, path);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
  });

  it("well-formed parameters still reach Shopify's auth (bounce page, exit-iframe, redirect to the admin)", async () => {
    const host = b64("admin.shopify.com/store/tents");
    expect((await get(authLoader, `/auth/session-token?shop=tents.myshopify.com&host=${host}`)).status).toBe(200);
    expect((await get(authLoader, `/auth/exit-iframe?shop=tents.myshopify.com&host=${host}&exitIframe=%2Fapp`)).status).toBe(200);
    const response = await get(overview, `/app?shop=tents.myshopify.com&host=${host}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("admin.shopify.com/store/tents/apps/test-api-key");
  });
});
