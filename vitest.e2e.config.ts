import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Browser tests: Debian's Chromium (driven by playwright-core) against `npm run demo` on a fresh database.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    setupFiles: ["tests/setup/stall-watch.ts"],
    globalSetup: ["tests/e2e/demo-server.ts"],
    fileParallelism: false,
    // Generous: the demo and Chromium share 2 cores with the test runner and perhaps other work.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // The test process reads the demo database directly; it never serves anything itself.
    env: { TZ: "UTC", NODE_ENV: "test", STOCKCAST_DEMO: "1", LOG_LEVEL: "silent" },
  },
});
