import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit tests: pure code next to its source (app/**/foo.test.ts, scripts/**/foo.test.ts) and the demo generator.
// No database, no network.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "prisma/seed/generate.test.ts"],
    setupFiles: ["tests/setup/stall-watch.ts"],
    environment: "node",
    pool: "threads",
    // Slow is not a failure: the suite may share its 2 cores with other work. Speed lives in `npm run bench:*`.
    testTimeout: 60_000,
  },
});
