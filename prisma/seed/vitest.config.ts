import { defineConfig } from "vitest/config";

// Demo-seed tests: the generator is pure; seed.test.ts writes into a fresh migrated database (SQLite by
// default, PostgreSQL with SEED_TEST_DATABASE_URL=postgresql://…).
// Run: TZ=UTC npx vitest run --config prisma/seed/vitest.config.ts
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["prisma/seed/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // app/db.server parses the app environment on import: give it a complete, non-demo one.
    env: {
      TZ: "UTC",
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SHOPIFY_API_KEY: "test-api-key",
      SHOPIFY_API_SECRET: "test-api-secret",
      SHOPIFY_APP_URL: "https://stockcast.example",
      STOCKCAST_DEMO: "0",
    },
  },
});
