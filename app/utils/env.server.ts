import { z } from "zod";
import { decodeKey } from "./encryption";

/** The published secret demo mode signs and verifies webhooks with (see README). Never a real one. */
export const DEMO_WEBHOOK_SECRET = "demo-secret";
export const DEMO_SHOP = "stockcast-demo.myshopify.com";
/** The published key demo mode, development and tests encrypt secrets with (docs/security.md). Never a real one. */
export const DEMO_ENCRYPTION_KEY = "NPAycwksfRu0hFYinf9/ezsdby+XOD1SLcWkXLR39Io=";

const base64Key = (label: string) =>
  z.string().superRefine((value, ctx) => {
    try {
      decodeKey(value, label);
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
    }
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
      .default("file:./prisma/dev.db"),
    PORT: z.coerce.number().int().positive().default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SHOPIFY_API_KEY: z.string().min(1).optional(),
    SHOPIFY_API_SECRET: z.string().min(1).optional(),
    SHOPIFY_APP_URL: z.string().url().optional(),
    SCOPES: z.string().default("read_products,read_inventory,write_inventory,read_orders,read_locations"),
    STOCKCAST_DEMO: z.enum(["0", "1"]).default("0"),
    // Outgoing email (PO to vendors, alert notifications). smtp://user:pass@host:port or smtps://…
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Stockcast <no-reply@stockcast.local>"),
    // Worker threads that forecast a large shop's plan (default: one per core, at most 4; 0 = none).
    PLAN_THREADS: z.coerce.number().int().min(0).max(64).optional(),
    // Secrets at rest (docs/security.md): the key that seals new values, and retired keys (comma-separated)
    // still accepted for reading until `npm run secrets:reencrypt` has resealed everything.
    STOCKCAST_ENCRYPTION_KEY: base64Key("STOCKCAST_ENCRYPTION_KEY").optional(),
    STOCKCAST_ENCRYPTION_OLD_KEYS: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((k) => k.trim()).filter(Boolean))
      .pipe(z.array(base64Key("each of STOCKCAST_ENCRYPTION_OLD_KEYS"))),
    // PostgreSQL pool (docs/security.md): give up on a connection after this long; the server cancels a
    // statement after this long (the client gives up 5 s later, for a server that went silent).
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
    // npm sets this to the script name; demo mode in production is only allowed through `npm run demo`.
    npm_lifecycle_event: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (e.STOCKCAST_DEMO === "1") {
      if (e.NODE_ENV === "production" && e.npm_lifecycle_event !== "demo")
        fail("STOCKCAST_DEMO=1 with NODE_ENV=production is refused: demo mode only runs through `npm run demo`.");
      if (e.SHOPIFY_API_SECRET && e.SHOPIFY_API_SECRET !== DEMO_WEBHOOK_SECRET)
        fail("STOCKCAST_DEMO=1 is refused while real Shopify credentials are configured (SHOPIFY_API_SECRET).");
      return;
    }
    if (e.NODE_ENV === "production" && (!e.STOCKCAST_ENCRYPTION_KEY || e.STOCKCAST_ENCRYPTION_KEY === DEMO_ENCRYPTION_KEY))
      fail("STOCKCAST_ENCRYPTION_KEY is required in production and must not be the published demo key (create one with `openssl rand -base64 32`).");
    for (const key of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL"] as const)
      if (!e[key]) fail(`${key} is required (set it from your Shopify app's settings, or run \`npm run demo\`).`);
  });

export type Env = z.infer<typeof schema> & { demoMode: boolean; encryptionKey: string };

/** Parses an environment once; throws one readable error listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.length ? i.path.join(".") + ": " : ""}${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const demoMode = parsed.data.STOCKCAST_DEMO === "1";
  // Demo mode always uses the published key: its database is a local throw-away.
  const encryptionKey = demoMode ? DEMO_ENCRYPTION_KEY : (parsed.data.STOCKCAST_ENCRYPTION_KEY ?? DEMO_ENCRYPTION_KEY);
  return { ...parsed.data, demoMode, encryptionKey };
}

/** The app's environment: parsed at first import; the only reader of process.env in app/. */
export const env: Env = parseEnv(process.env);
