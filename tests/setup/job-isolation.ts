// Test files share one database, and so one job queue: a job a file queued and never ran (a re-plan after a saved
// form, an alerts pass after a webhook) would run in a later file's `runDue` and act for a shop whose fakes are
// gone. Files run one after another, so each file's leftovers are cancelled when it ends.
import { afterAll, beforeAll } from "vitest";

let startedAt = new Date();

beforeAll(() => {
  startedAt = new Date();
});

afterAll(async () => {
  const { default: prisma } = await import("~/db.server");
  await prisma.job.updateMany({ where: { status: "queued", createdAt: { gte: startedAt } }, data: { status: "cancelled" } });
  if (process.env.DATABASE_URL?.startsWith("file:")) return;
  try {
    // pg-boss's queue on PostgreSQL (schema "pgboss"; absent until a queue has started).
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'cancelled', completed_on = now() WHERE state IN ('created', 'retry') AND created_on >= $1`, startedAt);
  } catch (error) {
    if (!/does not exist|42P01/.test(String(error))) throw error;
  }
});
