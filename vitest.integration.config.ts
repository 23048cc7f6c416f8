import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Integration tests: real database (SQLite or PostgreSQL, chosen by TEST_DATABASE_URL), real loaders,
// actions and Shopify's auth library. Only Shopify's servers are faked, at the HTTP boundary.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/integration/**/*.test.{ts,tsx}", "prisma/seed/seed.test.ts"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/integration-env.ts", "tests/setup/no-network.ts", "tests/setup/stall-watch.ts", "tests/setup/job-isolation.ts"],
    environment: "node",
    // One database per run; files run one after another so SQLite never sees two writers.
    fileParallelism: false,
    // Slow is not a failure: the suite may share its 2 cores with other work (a test taking 15 s on a quiet
    // machine took over a minute beside two busy loops). Speed lives in `npm run bench:*`.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
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
