import { describe, expect, it } from "vitest";
import { chargesIntentSchema } from "./charges-form";

const parse = (fields: Record<string, string>) => chargesIntentSchema.safeParse({ intent: "update_charges", version: "3", freight: "", duty: "", other: "", allocation: "value", ...fields });

describe("update_charges form", () => {
  it("reads amounts as typed into integer cents, empty as nothing", () => {
    const parsed = parse({ freight: "1,234.5", duty: " 12.05 ", other: "" });
    expect(parsed.success && parsed.data).toEqual({ intent: "update_charges", version: 3, freight: 123_450, duty: 1_205, other: 0, allocation: "value" });
    expect(parse({ freight: "9999999.99" }).success && parse({ freight: "9999999.99" }).data?.freight).toBe(999_999_999);
  });

  it("refuses fractions of a cent, negative or signed amounts, too much, and an unknown basis", () => {
    expect(parse({ freight: "12.345" }).error?.issues[0].message).toMatch(/^Freight must be an amount/);
    expect(parse({ duty: "-5" }).error?.issues[0].message).toMatch(/^Duty must be an amount/);
    expect(parse({ other: "$5" }).success).toBe(false);
    expect(parse({ freight: "10000000" }).success).toBe(false);
    expect(parse({ allocation: "weight" }).success).toBe(false);
  });
});
