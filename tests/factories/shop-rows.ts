// Every shop-scoped row of one shop, per model: derived from the schema, so a table added later is covered
// too. Tests compare two of these to prove that a refused action or a bad file changed nothing.
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";

/** The rows of every model with a `shop` column (Session and the models in `except` aside), by primary key. */
export async function shopRows(shop: string, except: readonly string[] = []): Promise<Record<string, unknown>> {
  const skip = new Set(["Session", ...except]);
  const models = Prisma.dmmf.datamodel.models.filter((m) => !skip.has(m.name) && m.fields.some((f) => f.name === "shop"));
  const out: Record<string, unknown> = {};
  for (const m of models) {
    const delegate = (prisma as unknown as Record<string, { findMany: (args: object) => Promise<unknown[]> }>)[m.name[0].toLowerCase() + m.name.slice(1)];
    // By primary key: `id`, or the key columns of a table without one (QuantityRefresh).
    const keys = m.primaryKey?.fields ?? m.fields.filter((f) => f.isId).map((f) => f.name);
    out[m.name] = await delegate.findMany({ where: { shop }, orderBy: keys.map((k) => ({ [k]: "asc" })) });
  }
  return out;
}
