import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit tests: pure code next to its source (app/**/foo.test.ts). No database, no network.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "threads",
  },
});
