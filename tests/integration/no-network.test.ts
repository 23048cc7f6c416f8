// The integration suite's network guard (tests/setup/no-network.ts): a request that would leave the machine
// is refused at once and named, so a test can neither depend on the internet nor wait out retries against it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { takeRefusedRequests } from "../setup/no-network";

describe("integration tests' network guard", () => {
  it("refuses a request to any host but loopback at once, and records it", async () => {
    await expect(fetch("https://guard-check.myshopify.com/admin/api/2026-10/graphql.json", { method: "POST", body: "{}" })).rejects.toThrow(
      "integration tests do not reach the network (https://guard-check.myshopify.com)",
    );
    expect(takeRefusedRequests()).toEqual(["POST https://guard-check.myshopify.com/admin/api/2026-10/graphql.json"]);
  });

  it("lets requests to a server on loopback through", async () => {
    const server = createServer((_req, res) => res.end("pong"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe("pong");
      expect(takeRefusedRequests()).toEqual([]);
    } finally {
      server.close();
    }
  });
});
