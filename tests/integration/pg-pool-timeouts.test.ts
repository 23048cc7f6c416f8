// PostgreSQL pool timeouts (docs/security.md): a database that never answers fails a query in seconds
// instead of holding it for minutes. The black holes are real TCP peers: one that accepts and never speaks,
// and a proxy to the real server that goes silent mid-session. Server-side settings: PostgreSQL runs only.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import prisma, { createPrismaClient, isPostgres } from "~/db.server";
import { createJobQueue, PgBossJobQueue } from "~/jobs/queue.server";
import { CLIENT_GRACE_MS } from "~/utils/pg-pool.server";

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const sockets = new Set<net.Socket>();
  server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  closers.push(() => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(resolve))));
  return (server.address() as AddressInfo).port;
}

/** How long `promise` took to settle, and how; "hung" after `limitMs`. */
async function settle(promise: Promise<unknown>, limitMs: number): Promise<{ ms: number; outcome: string }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("hung"), limitMs)));
  const outcome = await Promise.race([promise.then(() => "ok", (error: Error) => `error: ${error.message}`), hung]);
  clearTimeout(timer);
  return { ms: Date.now() - started, outcome };
}

const pgUrl = (port: number) => `postgresql://postgres@127.0.0.1:${port}/test`;

describe("PostgreSQL pool timeouts", () => {
  it("gives up connecting to a server that accepts and never answers", async () => {
    const port = await listen(net.createServer(() => undefined));
    const client = createPrismaClient(pgUrl(port), { connectMs: 500, statementMs: 1_000 });
    closers.push(() => client.$disconnect());
    const { ms, outcome } = await settle(client.$queryRawUnsafe("SELECT 1"), 15_000);
    expect(outcome).toMatch(/^error: /);
    expect(ms).toBeLessThan(5_000);
  });

  it.runIf(isPostgres)("the app's pool and pg-boss's tell the server to cancel statements after 60 s", async () => {
    expect(await prisma.$queryRawUnsafe("SHOW statement_timeout")).toEqual([{ statement_timeout: "1min" }]);
    const queue = createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false });
    closers.push(() => queue.stop());
    expect(queue).toBeInstanceOf(PgBossJobQueue);
    const boss = await (queue as PgBossJobQueue).instance();
    expect((await boss.getDb().executeSql("SHOW statement_timeout", [])).rows).toEqual([{ statement_timeout: "1min" }]);
  });

  it.runIf(isPostgres)("the server cancels a statement that runs past the statement timeout", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL!, { connectMs: 5_000, statementMs: 300 });
    closers.push(() => client.$disconnect());
    const { ms, outcome } = await settle(client.$queryRawUnsafe("SELECT pg_sleep(5)"), 15_000);
    expect(outcome).toMatch(/statement timeout/);
    expect(ms).toBeLessThan(3_000);
  });

  it.runIf(isPostgres)("a query on a pooled connection whose server went silent fails after the statement timeout plus grace", async () => {
    const real = new URL(process.env.DATABASE_URL!);
    let silent = false;
    const port = await listen(
      net.createServer((downstream) => {
        const upstream = net.connect(Number(real.port || 5432), real.hostname);
        closers.push(async () => upstream.destroy());
        downstream.on("data", (chunk) => void (silent || upstream.write(chunk)));
        upstream.on("data", (chunk) => void (silent || downstream.write(chunk)));
        downstream.on("error", () => upstream.destroy());
        upstream.on("error", () => downstream.destroy());
      }),
    );
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(port);
    const client = createPrismaClient(url.toString(), { connectMs: 1_000, statementMs: 500 });
    closers.push(() => client.$disconnect());
    expect(await client.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    silent = true; // the network drops everything from now on; the pooled connection looks alive
    const { ms, outcome } = await settle(client.$queryRawUnsafe("SELECT 2"), 20_000);
    expect(outcome).toMatch(/^error: /);
    expect(ms).toBeLessThan(500 + CLIENT_GRACE_MS + 3_000);
  });
});
