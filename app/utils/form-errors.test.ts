import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORM, fieldLabel } from "./form-errors";

const messages = (schema: z.ZodTypeAny, data: unknown) => {
  const result = schema.safeParse(data, FORM);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("formErrorMap", () => {
  it("names the field in plain words", () => {
    expect(fieldLabel(["statedLeadTimeDays"])).toBe("Stated lead time days");
    expect(fieldLabel(["lines", 0, "lineId"])).toBe("Line");
    expect(fieldLabel([])).toBe("This field");
  });

  it("replaces zod's built-in messages", () => {
    const form = z.object({ version: z.coerce.number().int().min(1), id: z.string().max(3), ids: z.array(z.string()).min(1), kind: z.enum(["a", "b"]) });
    expect(messages(form, { version: "x", id: "abcd", ids: [], kind: "c" })).toEqual([
      "Version must be a number.",
      "Id must be at most 3 characters.",
      "Choose at least 1 item.",
      "Kind must be one of: a, b.",
    ]);
    expect(messages(form, {})).toEqual(["Version must be a number.", "Id is missing.", "Ids is missing.", "Kind is missing."]);
    const action = z.discriminatedUnion("intent", [z.object({ intent: z.literal("plan") }), z.object({ intent: z.literal("edit") })]);
    expect(messages(action, { intent: "drop" })).toEqual(["This page sent an action it does not know. Reload the page and try again."]);
  });

  it("keeps every message the schema wrote itself", () => {
    const form = z.object({
      name: z.string({ required_error: "Enter a name." }).min(2, "Too short."),
      kind: z.enum(["a", "b"], { errorMap: () => ({ message: "Choose a or b." }) }),
    });
    expect(messages(form, { kind: "c" })).toEqual(["Enter a name.", "Choose a or b."]);
    expect(messages(form, { name: "x", kind: "a" })).toEqual(["Too short."]);
  });
});
