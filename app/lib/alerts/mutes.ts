import type { AlertCandidate } from "./rules";

/** A stored mute: this rule raises nothing for this variant / vendor / shop (see MuteScope). */
export interface AlertMuteFacts {
  readonly ruleType: string;
  readonly entityType: string;
  readonly entityId: string;
}

/**
 * Drops the candidates a merchant muted (same rule and same mute scope). What is dropped is not current, so
 * the caller's sync resolves an alert that was already open. O(n + m).
 * @example applyMutes([order-now alert for variant v], [{ ruleType: "below_reorder_point", entityType: "variant", entityId: "v" }]) // []
 */
export function applyMutes(candidates: readonly AlertCandidate[], mutes: readonly AlertMuteFacts[]): AlertCandidate[] {
  if (mutes.length === 0) return [...candidates];
  const muted = new Set(mutes.map((m) => `${m.ruleType}|${m.entityType}|${m.entityId}`));
  return candidates.filter((c) => !c.muteScope || !muted.has(`${c.type}|${c.muteScope.entityType}|${c.muteScope.entityId}`));
}
