// Integration tests never leave the machine: only Shopify's servers may be faked (tests/setup/shopify-fake.ts,
// msw), and everything else they talk to listens on loopback. A request to any other host is refused at once
// and fails the test that made it, naming the URL, instead of waiting out the Admin client's retries against
// a real DNS lookup.
import { afterEach } from "vitest";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const refused: string[] = [];
const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname)) {
    refused.push(`${init?.method ?? (input instanceof Request ? input.method : "GET")} ${url.origin}${url.pathname}`);
    throw new TypeError(`fetch failed: integration tests do not reach the network (${url.origin}); fake it in tests/setup/shopify-fake.ts`);
  }
  return realFetch(input, init);
};

/** Requests refused since the last call, forgotten (for the guard's own test). */
export function takeRefusedRequests(): string[] {
  return refused.splice(0);
}

afterEach(() => {
  if (refused.length === 0) return;
  const calls = [...new Set(takeRefusedRequests())];
  throw new Error(`this test tried to reach the network (${calls.length} distinct request(s)): ${calls.slice(0, 5).join(", ")}`);
});
