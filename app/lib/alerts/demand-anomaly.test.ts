import { describe, expect, it } from "vitest";
import { evaluateDemandAnomalyRules, type DemandDayFacts } from "./demand-anomaly";

const day = (over: Partial<DemandDayFacts> = {}): DemandDayFacts =>
  Object.freeze({ variantId: "v1", locationId: "l1", label: "Tent at Main", date: "2026-01-01", units: 5, forecastMean: 5, lower95: 1, upper95: 11, stockedOut: false, ...over });

describe("evaluateDemandAnomalyRules", () => {
  it("fires on a spike above the 95% band, with the numbers", () => {
    const [a] = evaluateDemandAnomalyRules([day({ units: 40 })]);
    expect(a).toMatchObject({ type: "demand_anomaly", severity: "info", dedupeKey: "demand_anomaly:v1|l1" });
    expect(a.message).toBe("Tent at Main: 40 units sold on 2026-01-01, far above the forecast of 5 (95% range 1–11).");
  });

  it("fires on a collapse below a positive lower bound (warning), not on a stocked-out day", () => {
    const [a] = evaluateDemandAnomalyRules([day({ units: 0, lower95: 2 })]);
    expect(a).toMatchObject({ severity: "warning", data: { direction: "collapse" } });
    expect(a.message).toBe("Tent at Main: 0 units sold on 2026-01-01, far below the forecast of 5 (95% range 2–11).");
    expect(evaluateDemandAnomalyRules([day({ units: 0, lower95: 2, stockedOut: true })])).toEqual([]);
  });

  it("does not fire on the bounds themselves or with a zero lower bound", () => {
    expect(evaluateDemandAnomalyRules([day({ units: 12 }), day({ units: 1 }), day({ units: 0, lower95: 0 })])).toEqual([]);
    expect(evaluateDemandAnomalyRules([day({ units: 13 })])).toHaveLength(1);
  });

  it("reads the band in whole units: against 0.1–3.6, 0 sold is inside and a spike needs 4 + 2 = 6 units; 0 against a 1.2 lower bound is a collapse", () => {
    const band = { forecastMean: 0.9, lower95: 0.1, upper95: 3.6 };
    expect(evaluateDemandAnomalyRules([day({ ...band, units: 0 }), day({ ...band, units: 4 }), day({ ...band, units: 5 })])).toEqual([]);
    expect(evaluateDemandAnomalyRules([day({ ...band, units: 6 })])[0].data).toMatchObject({ direction: "spike" });
    expect(evaluateDemandAnomalyRules([day({ ...band, lower95: 1.2, units: 0 })])[0].data).toMatchObject({ direction: "collapse" });
  });

  it("keeps one dedupe key per series across days", () => {
    expect(evaluateDemandAnomalyRules([day({ units: 40, date: "2026-01-02" })])[0].dedupeKey).toBe(evaluateDemandAnomalyRules([day({ units: 40 })])[0].dedupeKey);
  });
});
