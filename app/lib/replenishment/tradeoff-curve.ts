/** One point of a policy's trade-off curve. */
export interface TradeoffPoint {
  /** Knob value that produced the point (service level, cover days…). */
  readonly knob: number;
  /** Achieved fill rate, fraction. */
  readonly fillRate: number;
  /** Average inventory value (any consistent unit, e.g. cents). */
  readonly inventory: number;
}

/**
 * Inventory needed for a target fill rate, by linear interpolation between the two curve points that
 * bracket it (after sorting by fill rate and keeping the lower envelope — for equal or lower inventory
 * the better fill rate dominates). Null when the target lies outside the achieved fill-rate range:
 * no extrapolation. Units as the input's inventory.
 * Reference: exchange curves, Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 7.
 * @throws RangeError "targetFillRate must be between 0 and 1 exclusive"
 * @example inventoryAtFillRate([{ knob: 7, fillRate: 0.9, inventory: 100 }, { knob: 14, fillRate: 0.96, inventory: 160 }], 0.95) // 150
 */
export function inventoryAtFillRate(points: readonly TradeoffPoint[], targetFillRate: number): number | null {
  if (!(targetFillRate > 0 && targetFillRate < 1)) throw new RangeError("targetFillRate must be between 0 and 1 exclusive");
  const sorted = [...points].sort((a, b) => a.inventory - b.inventory || b.fillRate - a.fillRate);
  // Lower envelope: keep points that improve the fill rate as inventory grows.
  const envelope: TradeoffPoint[] = [];
  for (const p of sorted) if (envelope.length === 0 || p.fillRate > envelope[envelope.length - 1].fillRate) envelope.push(p);
  for (let i = 0; i < envelope.length; i++) {
    const p = envelope[i];
    if (p.fillRate === targetFillRate) return p.inventory;
    if (p.fillRate > targetFillRate) {
      if (i === 0) return null;
      const q = envelope[i - 1];
      return q.inventory + ((targetFillRate - q.fillRate) / (p.fillRate - q.fillRate)) * (p.inventory - q.inventory);
    }
  }
  return null;
}
