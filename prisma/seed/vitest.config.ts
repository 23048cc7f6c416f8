import { defineConfig } from "vitest/config";

// Demo-seed tests (the generator is pure; seed.test.ts uses a real SQLite file built by `prisma migrate deploy`).
// Run: TZ=UTC npx vitest run --config prisma/seed/vitest.config.ts
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["prisma/seed/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
