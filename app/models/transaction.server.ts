import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";

/** A client model functions can run on: the shared client, or the transaction a service opened. */
export type Db = Prisma.TransactionClient;

/**
 * Runs `fn` in one database transaction, so a webhook is applied entirely or not at all. A unique-key
 * race with a concurrent worker aborts the transaction; the job queue retries it.
 */
export function inTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 30_000, maxWait: 10_000 });
}

/** The shared client, typed as a Db for model functions called outside a transaction. */
export const defaultDb: Db = prisma;
