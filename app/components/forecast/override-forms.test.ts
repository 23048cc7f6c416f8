import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/components/vendors/vendor-form";
import { forecastOverrideForm, variantOverridesForm } from "./override-forms";

describe("variantOverridesForm", () => {
  it("reads empty fields as no override and the checkbox as a boolean", () => {
    expect(variantOverridesForm.parse({ casePack: "12", maxQty: "", doNotReorder: "on" })).toEqual({
      leadTimeOverrideDays: null,
      moqOverride: null,
      casePack: 12,
      minQty: null,
      maxQty: null,
      doNotReorder: true,
    });
  });

  it("refuses a maximum that no whole case between the MOQ and it can meet", () => {
    const result = variantOverridesForm.safeParse({ moqOverride: "30", casePack: "12", maxQty: "35" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ maxQty: "No whole case of 12 fits between the minimum of 30 and the maximum of 35: raise the maximum or change the case pack." });
  });
});

describe("forecastOverrideForm", () => {
  it("accepts zero units and up to two decimals, and rejects impossible dates", () => {
    expect(forecastOverrideForm.parse({ locationId: "l", startDate: "2026-12-01", endDate: "2026-12-01", dailyUnits: "0", note: "" })).toMatchObject({ dailyUnits: 0, note: null });
    const bad = forecastOverrideForm.safeParse({ locationId: "l", startDate: "2026-02-30", endDate: "2026-03-01", dailyUnits: "1.234" });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(fieldErrors(bad.error)).toEqual({
      startDate: "Start date must be a date like 2026-12-24.",
      dailyUnits: "Units per day must be a number from 0 to 100,000, with at most two decimals.",
    });
  });
});
