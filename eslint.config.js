// Lint = correctness basics + the import boundaries of docs (architecture "Who may import whom").
import js from "@eslint/js";
import importPlugin from "eslint-plugin-import";
import jsdoc from "eslint-plugin-jsdoc";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const app = "./app";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".cache/**", "extensions/**", "test-results/**", "public/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { import: importPlugin, "react-hooks": reactHooks },
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: `${app}/lib`,
              from: app,
              except: ["./lib"],
              message: "app/lib is pure: it may import only app/lib.",
            },
            { target: `${app}/routes`, from: `${app}/db.server.ts`, message: "Routes never touch Prisma: call a service or a model." },
            {
              target: `${app}/models`,
              from: [`${app}/routes`, `${app}/services`, `${app}/shopify`, `${app}/jobs`, `${app}/components`],
              message: "Models do I/O for one aggregate; they don't call services, Shopify or UI.",
            },
            {
              target: `${app}/services`,
              from: [`${app}/routes`, `${app}/components`, `${app}/jobs`],
              message: "Services have no Request/Response and no UI.",
            },
            { target: `${app}/components`, from: [`${app}/models`, `${app}/services`, `${app}/shopify`, `${app}/db.server.ts`] },
            {
              target: ["lib", "models", "services", "shopify", "components", "utils", "jobs"].map((d) => `${app}/${d}`),
              from: `${app}/routes`,
              message: "Nothing imports a route.",
            },
            {
              // Jobs are entry points, like routes: routes, the server entry and scripts start them; the code
              // a job calls never calls back into the queue (that was the jobs → services → jobs circle).
              target: ["lib", "models", "services", "shopify", "components", "utils"].map((d) => `${app}/${d}`),
              from: `${app}/jobs`,
              message: "Only routes, the server entry and scripts import app/jobs.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/lib/**/*.ts"],
    ignores: ["app/lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@remix-run/*", "@shopify/*", "react", "react-dom", "node:*", "fs", "path", "pg"], message: "app/lib never does I/O or touches a framework." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "app/lib reads no environment." }, { name: "fetch", message: "app/lib does no I/O." }],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Pass a seeded PRNG in." },
        { object: "Date", property: "now", message: "'Today' is a parameter." },
      ],
    },
  },
  {
    files: ["app/lib/**/*.ts"],
    ignores: ["app/lib/**/*.test.ts"],
    plugins: { jsdoc },
    rules: {
      // Every exported library function documents its formula, units and reference (style.md §10).
      "jsdoc/require-jsdoc": ["error", { publicOnly: true, require: { FunctionDeclaration: true, ArrowFunctionExpression: false } }],
    },
  },
  {
    // No import circles in app/ (jobs → services → shopify.server → jobs was one): a module's imports are
    // evaluated before it, so a circle hands some module a half-initialised neighbour. A lazy `import()`
    // counts too (allowUnsafeDynamicCyclicDependency: false): it only moves the half-initialised moment.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    settings: { "import/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] } },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }] },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["*.server", "~/*.server"], message: "Components run in the browser: no .server imports." }] }],
    },
  },
);
