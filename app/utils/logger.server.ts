import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "./env.server";
import { maskLogFields } from "./mask-secrets";

/**
 * One JSON line per request and per job. Never log payloads, tokens, secrets or customer data:
 * only shop, route/job, duration and outcome. `redact` and the Slack-URL mask are a second line of defence.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { app: "stockcast" },
  redact: { paths: ["*.accessToken", "*.refreshToken", "*.secret", "*.password", "*.authorization", "*.email"], censor: "[redacted]" },
  formatters: { log: maskLogFields },
});

export interface RequestContext {
  shop?: string;
}
const requestContext = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a per-request context that auth fills in, so the request log line can name the shop. */
export function withRequestContext<T>(fn: (ctx: RequestContext) => T): T {
  const ctx: RequestContext = {};
  return requestContext.run(ctx, () => fn(ctx));
}

export function setRequestShop(shop: string): void {
  const ctx = requestContext.getStore();
  if (ctx) ctx.shop = shop;
}

export function logRequest(fields: { shop?: string; method: string; route: string; status: number; durationMs: number }): void {
  const outcome = fields.status >= 500 ? "error" : fields.status >= 400 ? "rejected" : "ok";
  logger.info({ kind: "request", ...fields, outcome });
}

export async function logJob<T>(job: string, shop: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    logger.info({ kind: "job", job, shop, durationMs: Math.round(performance.now() - started), outcome: "ok" });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ kind: "job", job, shop, durationMs: Math.round(performance.now() - started), outcome: "error", error: message });
    throw error;
  }
}
