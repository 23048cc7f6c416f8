// Expensive actions run once at a time per shop (docs/security.md, "Rate limits"). The lease lives in the
// database (ActionLease), so it holds across app processes and workers on SQLite and PostgreSQL alike.
import crypto from "node:crypto";
import { finishActionLease, takeActionLease } from "~/models/action-lease.server";

interface ActionLimit {
  /** What the shop is told is busy, as the start of a sentence. */
  label: string;
  /** Longest a run may hold the lease: a holder that died frees it when this lapses. */
  leaseMs: number;
  /** After a run ends, the next start waits this long (0: at once). */
  cooldownMs: number;
  /** Held for the whole cool-down from the start (the action only hands work to the queue). */
  holdFromStart?: boolean;
}

/** The expensive actions and their limits: one table, read by every caller and by docs/security.md. */
export const EXPENSIVE_ACTIONS = {
  /** Replenishment → Re-plan now: a full plan of the shop. */
  replan: { label: "A re-plan", leaseMs: 15 * 60_000, cooldownMs: 0 },
  /** Settings → Import: a CSV history import. */
  import: { label: "An import", leaseMs: 15 * 60_000, cooldownMs: 0 },
  /** Settings → Sync → Re-run backfill: queues a read of the whole store, at most once per ten minutes. */
  backfill: { label: "A backfill", leaseMs: 10 * 60_000, cooldownMs: 10 * 60_000, holdFromStart: true },
  /** Replenishment → Select all matching lines → Create purchase orders: thousands of lines in one go. */
  draft: { label: "Drafting purchase orders", leaseMs: 2 * 60_000, cooldownMs: 0 },
  /** Replenishment CSV and purchase-order PDF/CSV downloads. */
  export: { label: "An export", leaseMs: 2 * 60_000, cooldownMs: 0 },
} as const satisfies Record<string, ActionLimit>;

export type ExpensiveAction = keyof typeof EXPENSIVE_ACTIONS;

/** Refusal of an expensive action: answer 429 with `message` and `Retry-After: retryAfterSeconds`. */
export class ActionBusyError extends Error {
  override name = "ActionBusyError";
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

function wait(ms: number): string {
  if (ms <= 60_000) return "a minute";
  return `${Math.ceil(ms / 60_000)} minutes`;
}

/**
 * Runs `work` unless the same action already runs (or cools down) for this shop, in which case it throws
 * ActionBusyError with a plain-words message. The lease is released when `work` settles, failed or not.
 */
export async function singleFlight<T>(shop: string, action: ExpensiveAction, work: () => Promise<T>, clock: () => Date = () => new Date()): Promise<T> {
  const limit: ActionLimit = EXPENSIVE_ACTIONS[action];
  const holder = crypto.randomUUID();
  const now = clock();
  const refused = await takeActionLease(shop, action, { holder, now, busyUntil: new Date(now.getTime() + limit.leaseMs) });
  if (refused) {
    // A run's lease is a crash guard, not its length: a running action is usually done within a minute.
    if (refused.running && !limit.holdFromStart) throw new ActionBusyError(`${limit.label} is already running for this shop — try again in a minute.`, 60);
    const left = Math.max(1000, refused.busyUntil.getTime() - now.getTime());
    throw new ActionBusyError(`${limit.label} was started for this shop a moment ago — try again in ${wait(left)}.`, Math.ceil(left / 1000));
  }
  try {
    return await work();
  } finally {
    if (!limit.holdFromStart) {
      const finishedAt = clock();
      await finishActionLease(shop, action, holder, { finishedAt, busyUntil: new Date(finishedAt.getTime() + limit.cooldownMs) });
    }
  }
}

/** A 429 answer for a refused action: JSON `body` plus Retry-After. */
export function busyHeaders(error: ActionBusyError): HeadersInit {
  return { "Retry-After": String(error.retryAfterSeconds) };
}
