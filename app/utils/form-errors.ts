import { z } from "zod";

// Plain words for form fields whose schema has no message of its own. zod's built-in messages ("Expected
// number, received nan", "Invalid discriminator value…", "String must contain at most 64 character(s)") say
// nothing to a merchant. Messages written in a schema still win: this map only fills the gaps
// (`schema.safeParse(data, { errorMap: formErrorMap })`).

/** "statedLeadTimeDays" → "Stated lead time days"; a path's last named segment, or "This field". */
export function fieldLabel(path: readonly (string | number)[]): string {
  const name = [...path].reverse().find((p): p is string => typeof p === "string");
  if (!name) return "This field";
  const words = name
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : "This field";
}

const count = (n: number | bigint, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 || n === 1n ? one : many}`;

/** The zod error map for forms posted by the admin screens. */
export const formErrorMap: z.ZodErrorMap = (issue, ctx) => {
  // A message the schema gave through its own error map (`required_error`, `z.enum(…, { errorMap })`) wins.
  if (ctx.defaultError !== z.defaultErrorMap(issue, ctx).message) return { message: ctx.defaultError };
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: "This page sent an action it does not know. Reload the page and try again." };
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null") return { message: `${label} is missing.` };
      if (issue.received === "nan") return { message: `${label} must be a number.` };
      if (issue.expected === "array" || issue.expected === "object") return { message: `${label} is not in the form this page sends. Reload the page and try again.` };
      return { message: `${label} is not valid.` };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string") return { message: Number(issue.minimum) <= 1 ? `${label} is empty.` : `${label} must be at least ${count(issue.minimum, "character", "characters")}.` };
      if (issue.type === "array" || issue.type === "set") return { message: `Choose at least ${count(issue.minimum, "item", "items")}.` };
      return { message: `${label} must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum.toLocaleString("en-US")}.` };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: `${label} must be at most ${count(issue.maximum, "character", "characters")}.` };
      if (issue.type === "array" || issue.type === "set") return { message: `Choose at most ${count(issue.maximum, "item", "items")}.` };
      return { message: `${label} must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum.toLocaleString("en-US")}.` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `${label} must be one of: ${issue.options.join(", ")}.` };
    case z.ZodIssueCode.invalid_literal:
      return { message: label === "Intent" ? "This page sent an action it does not know. Reload the page and try again." : `${label} is not valid.` };
    case z.ZodIssueCode.invalid_string:
      return { message: issue.validation === "email" ? `${label} must be an email address, like orders@example.com.` : `${label} is not valid.` };
    case z.ZodIssueCode.invalid_date:
      return { message: `${label} must be a real date.` };
    case z.ZodIssueCode.not_finite:
      return { message: `${label} must be a number.` };
    default:
      return { message: ctx.defaultError === "Invalid input" ? `${label} is not valid.` : ctx.defaultError };
  }
};

/** Parse options for form schemas: `schema.safeParse(data, FORM)`. */
export const FORM = { errorMap: formErrorMap } as const;
