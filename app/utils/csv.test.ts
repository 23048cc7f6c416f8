import { describe, expect, it } from "vitest";
import { csvField } from "./csv";

describe("csvField", () => {
  it("quotes CSV fields per RFC 4180 and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('Stove, "compact"')).toBe('"Stove, ""compact"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField(-5, { text: false })).toBe("-5");
    expect(csvField(null)).toBe("");
  });
});
