import { describe, expect, it } from "vitest";
import { centsToDecimal, lineTotalCents, normaliseUnitCost, sumLines, toTenThousandths } from "./money";

describe("purchase-order money", () => {
  it("parses decimal strings exactly", () => {
    expect(toTenThousandths("12")).toBe(120000n);
    expect(toTenThousandths("12.5")).toBe(125000n);
    expect(toTenThousandths("0.00005")).toBe(1n);
    expect(toTenThousandths("-1.25")).toBe(-12500n);
    expect(() => toTenThousandths("1e3")).toThrow('amount must be a decimal string, got "1e3"');
  });

  it("multiplies and rounds each line to cents", () => {
    expect(lineTotalCents(3, "0.335")).toBe(101n); // 1.005 → 1.01, where floats give 1.00
    expect(lineTotalCents(0, "9.99")).toBe(0n);
    expect(() => lineTotalCents(1.5, "1")).toThrow("quantity must be an integer, got 1.5");
  });

  it("sums without float drift", () => {
    const lines = Array.from({ length: 10 }, () => ({ quantity: 1, unitCost: "0.1" }));
    expect(sumLines(lines)).toBe("1.00");
    expect(sumLines([{ quantity: 1_000_000, unitCost: "12345.67" }])).toBe("12345670000.00");
    expect(sumLines([])).toBe("0.00");
  });

  it("formats cents and unit costs", () => {
    expect(centsToDecimal(5n)).toBe("0.05");
    expect(centsToDecimal(-123456n)).toBe("-1234.56");
    expect(normaliseUnitCost("12.5")).toBe("12.50");
    expect(normaliseUnitCost("3.14159")).toBe("3.1416");
    expect(normaliseUnitCost("7")).toBe("7.00");
  });
});
