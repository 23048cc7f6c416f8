// Timeouts of every PostgreSQL pool the app opens (Prisma's and pg-boss's), documented in docs/security.md.
// Without them a black-holed database holds a request for minutes: pg waits on TCP forever by default.
import { env } from "./env.server";

export interface PgTimeouts {
  /** Give up opening a connection after this long. */
  connectMs: number;
  /** The server cancels a statement after this long. */
  statementMs: number;
}

/** A server that went silent never cancels anything: the client gives up this long after the server would. */
export const CLIENT_GRACE_MS = 5_000;

export const envPgTimeouts = (): PgTimeouts => ({ connectMs: env.DATABASE_CONNECT_TIMEOUT_MS, statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS });

/** node-postgres pool options for `t`. */
export function pgPoolTimeouts(t: PgTimeouts = envPgTimeouts()) {
  return {
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    query_timeout: t.statementMs + CLIENT_GRACE_MS,
    // Notices a dead peer on an idle pooled connection instead of writing into the void.
    keepAlive: true,
  };
}
