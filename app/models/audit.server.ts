import type { Prisma } from "@prisma/client";
import { defaultDb, type Db } from "~/models/transaction.server";

export interface AuditInput {
  actor: string;
  /** Dotted verb, e.g. "purchase_order.approved". */
  action: string;
  entityType: string;
  entityId: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
}

/** Appends one audit entry. Pass the transaction of the write it records, so both land or neither does. */
export function recordAudit(shop: string, entry: AuditInput, db: Db = defaultDb) {
  return db.auditEntry.create({
    data: { shop, ...entry, before: entry.before ?? undefined, after: entry.after ?? undefined },
  });
}

/** An entity's history, oldest first. */
export function listAuditEntries(shop: string, entityType: string, entityId: string, db: Db = defaultDb) {
  return db.auditEntry.findMany({ where: { shop, entityType, entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}
