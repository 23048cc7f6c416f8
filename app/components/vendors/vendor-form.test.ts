import { describe, expect, it } from "vitest";
import { fieldErrors, vendorForm } from "./vendor-form";

describe("vendorForm", () => {
  it("trims, upper-cases the currency and turns empty optional fields into null", () => {
    expect(vendorForm.parse({ contactName: "  ", email: "", phone: "", currency: " eur ", statedLeadTimeDays: " 14 ", moq: "", notes: "" })).toEqual({
      contactName: null,
      email: null,
      phone: null,
      currency: "EUR",
      statedLeadTimeDays: 14,
      moq: null,
      notes: null,
    });
  });

  it("gives one merchant-readable message per bad field", () => {
    const result = vendorForm.safeParse({ currency: "", statedLeadTimeDays: "", moq: "0", notes: "x".repeat(2001) });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      currency: "Currency must be a 3-letter ISO 4217 code, like USD or EUR.",
      statedLeadTimeDays: "Stated lead time is required.",
      moq: "Minimum order quantity must be a whole number from 1 to 1,000,000.",
      notes: "Notes must be at most 2000 characters.",
    });
  });
});
