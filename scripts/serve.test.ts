// The production server answers /favicon.ico from public/ (browsers and the admin's frame ask for it on
// every page; a 404 there was noise in the logs). A stub build keeps this test free of `npm run build`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "./serve";

describe("scripts/serve.ts", () => {
  // Inside the checkout: vitest loads the build's module through Vite, which will not read /tmp.
  mkdirSync(path.join("node_modules", ".cache"), { recursive: true });
  const dir = mkdtempSync(path.join("node_modules", ".cache", "stockcast-serve-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers /favicon.ico and /icon.svg with the icons in public/", async () => {
    mkdirSync(path.join(dir, "server"), { recursive: true });
    mkdirSync(path.join(dir, "client"), { recursive: true });
    writeFileSync(path.join(dir, "server/index.js"), "export const routes = {}; export const entry = { module: {} }; export const assets = { routes: {} }; export const future = {};\n");
    const server = await startServer({ port: 0, buildDir: dir, host: "127.0.0.1" });
    try {
      const { port } = server.address() as import("node:net").AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync("public/favicon.ico"));
      // The app icon app/root.tsx links to.
      const icon = await fetch(`http://127.0.0.1:${port}/icon.svg`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get("content-type")).toContain("image/svg+xml");
      expect(await icon.text()).toBe(readFileSync("public/icon.svg", "utf8"));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
