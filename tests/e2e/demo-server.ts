// Starts the real demo (`npm run demo`: migrate, seed, serve the production build) on a free port and a
// throw-away SQLite file; the browser tests talk to it like a merchant would.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-e2e-"));
  const databaseUrl = `file:${path.join(dir, "demo.db")}`;
  // The demo's SMTP capture writes every email (e.g. a PO sent to its vendor) here as .eml files.
  const outboxDir = path.join(dir, "outbox");
  const port = await freePort();
  const child = spawn("npm", ["run", "demo"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DEMO_SKIP_BUILD: "1", DEMO_ACCURACY_PLAN: "1", DEMO_OUTBOX_DIR: outboxDir, SHOPIFY_API_SECRET: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Migrate, seed ~270k rows and plan: about 40 s on a quiet machine, several times that on a busy one.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`demo exited early:\n${log}`);
    if (Date.now() > deadline) throw new Error(`demo did not become healthy:\n${log}`);
    const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide("demoBaseUrl", baseUrl);
  project.provide("demoDatabaseUrl", databaseUrl);
  project.provide("demoOutboxDir", outboxDir);
  return async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    demoBaseUrl: string;
    demoDatabaseUrl: string;
    /** Where the demo's SMTP capture saves sent emails (.eml). */
    demoOutboxDir: string;
  }
}
