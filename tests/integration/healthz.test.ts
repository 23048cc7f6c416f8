import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("GET /healthz", () => {
  it("answers 200 with status, db and version after reaching the database", async () => {
    const { loader } = await import("~/routes/healthz");
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("answers 503 when the database is unreachable", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere");
    vi.resetModules();
    const { loader } = await import("~/routes/healthz");
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "degraded", db: "unreachable" });
  });
});
