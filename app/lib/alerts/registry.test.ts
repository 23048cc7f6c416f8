import { describe, expect, it } from "vitest";
import type { VendorReceipt } from "~/lib/analytics";
import { ALERT_RULES, alertRuleLabel, rulesInScope } from "./registry";
import type { AlertFacts, AlertRuleSettings, AlertStockLine } from "./rule";
import { ALERT_TYPES, evaluateOrderNowRule, evaluateOverstockRule, evaluateStockRules, RETIRED_ALERT_TYPES, type AlertCandidate, type AlertType } from "./rules";
import { stockLine } from "../../../tests/setup/alert-stock-line";

const settings: AlertRuleSettings = Object.freeze({ asOfDate: "2026-01-05", overstockDays: 180, reviewPeriodDays: 7, deadStockDays: 90, minValueCents: 10_000, currency: "USD" });
const line = (over: Partial<AlertStockLine>) => stockLine({ variantId: "v", locationId: "l", projectedStockoutDate: null, ...over });
const receipt = (leadTimeDays: number): VendorReceipt => ({ leadTimeDays, promisedLeadTimeDays: 10, orderedUnits: 100, receivedUnits: 100, unitCostCents: 500 });
// Tent runs out tomorrow (Jan 6, 1 day < 7-day lead time): a critical "order now"; it is out of stock, but that
// alert says so, so stocked_out_now skips it. Mat is out with no order to place: stocked_out_now.
const tent = line({ available: 0, inventoryPosition: 0, projectedStockoutDate: "2026-01-06", suggestedQty: 24, daysOfCover: 0, avgDailyDemand: 3 });
const mat = line({ variantId: "m", label: "Mat", available: 0, inventoryPosition: 12, onOrder: 12, reorderPoint: 10, avgDailyDemand: 2.5, daysOfCover: 4.8 });
// Rope: 200 days of cover (> 180) with 12 more on order.
const rope = line({ variantId: "r", label: "Rope", available: 200, inventoryPosition: 212, onOrder: 12, daysOfCover: 200 });

/** One worked example per rule: facts, and what it raises (numbers worked out by hand in the comments). */
const WORKED: Record<AlertType, { facts: Partial<AlertFacts>; expect: Partial<AlertCandidate>[] }> = {
  below_reorder_point: {
    facts: { stockLines: [tent, mat, rope] },
    expect: [
      {
        dedupeKey: "below_reorder_point:v|l",
        severity: "critical",
        message: "Tent: out of stock now, before a new order could arrive (7-day lead time). Order 24 units.",
      },
    ],
  },
  overstock: {
    facts: { stockLines: [tent, mat, rope] },
    expect: [{ dedupeKey: "overstock:r|l", severity: "info", message: "Rope: 200 days of cover, above the 180-day overstock threshold, and 12 more on order." }],
  },
  stocked_out_now: {
    facts: { stockLines: [tent, mat, rope] },
    expect: [{ dedupeKey: "stocked_out_now:m|l", severity: "critical", message: "Mat: out of stock (0 available) while about 2.5 units a day are expected to sell." }],
  },
  sync_unhealthy: {
    facts: { sync: { shop: "s", failedWebhooks: 3, totalWebhooks: 40, windowHours: 24, backfill: null, now: "2026-01-05T12:00:00.000Z" } },
    expect: [{ dedupeKey: "sync_unhealthy:webhooks", severity: "warning" }],
  },
  dead_stock: {
    // 40 × 1000 cents = USD 400.00 ≥ 100.00; 120 days ≥ 90 but < 180: the 30% markdown.
    facts: { deadStock: [{ variantId: "v", locationId: "l", label: "Tent", onHand: 40, unitCostCents: 1000, daysSinceLastSale: 120, daysSinceCreated: 400 }] },
    expect: [{ dedupeKey: "dead_stock:v|l", severity: "warning", message: "Tent: 40 units (USD 400.00 at cost) have not sold for 120 days. Mark down 30% or return to the vendor." }],
  },
  po_overdue: {
    // Expected Jan 1, today Jan 5: 4 days late; PO-2 is due today, not late.
    facts: {
      openPurchaseOrders: [
        { id: "p1", number: "PO-1", vendor: "Acme", vendorId: "ven", expectedDate: "2026-01-01" },
        { id: "p2", number: "PO-2", vendor: "Acme", expectedDate: "2026-01-05" },
      ],
    },
    expect: [{ dedupeKey: "po_overdue:p1", severity: "warning", message: "PO-1 from Acme is 4 days overdue (expected 2026-01-01)." }],
  },
  vendor_reliability_dropped: {
    // Three 10-day deliveries on a 10-day promise (100% on time), then two 20-day ones (0%): a drop of 100 points > 25.
    facts: { vendorReceipts: [{ vendorId: "ven", name: "Acme", previous: [receipt(10), receipt(10), receipt(10)], recent: [receipt(20), receipt(20)] }] },
    expect: [{ dedupeKey: "vendor_reliability_dropped:ven", severity: "warning" }],
  },
  demand_anomaly: {
    // 40 sold ≥ ⌈11⌉ + 2 = 13: a spike; 6 sold is inside [1, 11].
    facts: {
      demandDay: [
        { variantId: "v", locationId: "l", label: "Tent", date: "2026-01-04", units: 40, forecastMean: 5, lower95: 1, upper95: 11, stockedOut: false },
        { variantId: "m", locationId: "l", label: "Mat", date: "2026-01-04", units: 6, forecastMean: 5, lower95: 1, upper95: 11, stockedOut: false },
      ],
    },
    expect: [{ dedupeKey: "demand_anomaly:v|l", severity: "info" }],
  },
};

/** The facts of an example, refusing any fact kind the rule did not name (so `facts` is the whole truth). */
function only(facts: Partial<AlertFacts>, named: readonly string[]): AlertFacts {
  return new Proxy(facts as AlertFacts, {
    get(target, key) {
      if (typeof key === "string" && !named.includes(key)) throw new Error(`reads ${key}, which it does not name`);
      return Reflect.get(target, key);
    },
  });
}

describe("ALERT_RULES", () => {
  it("has exactly one rule per alert type the screen and the Alert table know, and none for retired types", () => {
    const types = ALERT_RULES.map((r) => r.type);
    expect(new Set(types).size).toBe(types.length);
    expect([...types].sort()).toEqual([...ALERT_TYPES].sort());
    for (const retired of RETIRED_ALERT_TYPES) expect(types).not.toContain(retired);
  });

  it("holds every rule defined in rules/, so a rule file left out of the list fails", () => {
    const modules = import.meta.glob<Record<string, unknown>>(["./rules/*.ts", "!./rules/*.test.ts"], { eager: true });
    const defined = Object.values(modules).flatMap((m) => Object.values(m));
    expect(Object.keys(modules).length).toBeGreaterThan(0);
    expect(defined).toHaveLength(ALERT_RULES.length);
    for (const rule of defined) expect(ALERT_RULES).toContain(rule);
  });

  it("gives each rule a worked example, and each rule raises exactly its example's alerts from the facts it names", () => {
    expect(Object.keys(WORKED).sort()).toEqual(ALERT_RULES.map((r) => r.type).sort());
    for (const rule of ALERT_RULES) {
      const example = WORKED[rule.type];
      const got = rule.evaluate(only(example.facts, rule.facts), settings);
      expect(got, rule.type).toHaveLength(example.expect.length);
      got.forEach((c, i) => expect(c, rule.type).toMatchObject({ type: rule.type, ...example.expect[i] }));
    }
  });

  it("labels every rule type for the screen, the retired one too, and falls back to the type's words", () => {
    expect(alertRuleLabel("below_reorder_point")).toBe("Order now");
    expect(alertRuleLabel("stockout_before_arrival")).toBe("Stockout before arrival (retired)");
    expect(alertRuleLabel("some_new_rule")).toBe("some new rule");
    for (const r of ALERT_RULES) expect(r.label.length).toBeGreaterThan(0);
  });

  it("runs the stock rules for some variants, adds sync health after webhooks, and every rule after a plan", () => {
    expect(rulesInScope("all", true).map((r) => r.type)).toEqual(["below_reorder_point", "overstock", "stocked_out_now"]);
    expect(rulesInScope("stock", false).map((r) => r.type)).toEqual(["below_reorder_point", "overstock", "stocked_out_now", "sync_unhealthy"]);
    expect(rulesInScope("all", false)).toEqual(ALERT_RULES);
  });
});

describe("the order-now and overstock rules", () => {
  it("raise together what evaluateStockRules raises, do-not-reorder lines excepted", () => {
    const lines = [tent, mat, rope, { ...rope, variantId: "x", doNotReorder: true }];
    const both = [...evaluateOrderNowRule(lines, settings), ...evaluateOverstockRule(lines, settings)];
    const keys = (cs: AlertCandidate[]) => cs.map((c) => c.dedupeKey).sort();
    expect(keys(both)).toEqual(["below_reorder_point:v|l", "overstock:r|l"]);
    expect(keys(evaluateStockRules(lines, settings))).toEqual(keys(both));
    expect(() => evaluateOverstockRule(lines, { overstockDays: 0 })).toThrow(new RangeError("overstockDays must be positive"));
  });
});
