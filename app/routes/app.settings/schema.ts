// What the Settings screen accepts: one zod schema per form, with messages a merchant understands.
import { z } from "zod";
import { PLANNING_FIELDS, rangeText, type PlanningField, type PlanningFieldName } from "~/components/settings/planning-fields";
import { IMPORT_KINDS } from "~/services/csv-import/formats";
import { CHANNEL_KINDS, SEVERITIES, slackUrlProblem } from "~/services/notifications/targets.server";
import { STAFF_ROLES } from "~/utils/staff-roles";

export { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "~/utils/body-limit";

const NUMBER_SHAPES: Record<PlanningField["kind"] | "percent2", { pattern: RegExp; example: string }> = {
  percent: { pattern: /^\d+(\.\d)?$/, example: "a percentage with at most one decimal, like 97.5" },
  // Service levels: 99.95% and 99.99% are real choices for items whose demand comes in rare large orders.
  percent2: { pattern: /^\d+(\.\d{1,2})?$/, example: "a percentage with at most two decimals, like 99.95" },
  days: { pattern: /^\d+$/, example: "a whole number of days" },
  money: { pattern: /^\d+(\.\d{1,2})?$/, example: "an amount like 25 or 25.50, without a currency symbol" },
};

/** One text field → number (percent, days) or decimal string (money), with the field's range checked. */
function fieldSchema(field: PlanningField) {
  const shape = NUMBER_SHAPES[field.kind === "percent" && field.decimals === 2 ? "percent2" : field.kind];
  return z
    .string({ required_error: `${field.label} is required.`, invalid_type_error: `${field.label} is required.` })
    .transform((raw, ctx) => {
      const text = raw.trim().replace(/%$/, "").trim().replace(/,/g, "");
      if (text === "" && field.optional) return "";
      if (text === "") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${field.label} is required.` });
        return z.NEVER;
      }
      if (!shape.pattern.test(text)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${field.label} must be ${shape.example}.` });
        return z.NEVER;
      }
      const value = Number(text);
      const tooLow = field.exclusiveMin ? value <= field.min : value < field.min;
      if (tooLow || value > field.max) {
        const range = field.kind === "money" ? `${rangeText(field)} and at most ${field.max.toLocaleString("en-US")}` : rangeText(field);
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${field.label} must be ${range}.` });
        return z.NEVER;
      }
      return text;
    });
}

const numeric = (name: PlanningFieldName) => fieldSchema(PLANNING_FIELDS[name]).transform(Number);
const money = (name: PlanningFieldName) => fieldSchema(PLANNING_FIELDS[name]).transform((v) => Number(v).toFixed(2));
/** An optional amount: "" (or absent) when left empty. */
const optionalMoney = (name: PlanningFieldName) =>
  fieldSchema(PLANNING_FIELDS[name])
    .optional()
    .transform((v) => (v ? Number(v).toFixed(2) : ""));

export const planningSettingsForm = z
  .object({
    serviceLevelA: numeric("serviceLevelA"),
    serviceLevelB: numeric("serviceLevelB"),
    serviceLevelC: numeric("serviceLevelC"),
    // A checkbox: absent (unchecked in a plain form post) means off.
    balanceServiceByCost: z
      .enum(["true", "false", "on"], { errorMap: () => ({ message: "Balance service levels by unit cost must be on or off." }) })
      .optional()
      .transform((v) => v === "true" || v === "on"),
    serviceByVariability: z
      .enum(["true", "false", "on"], { errorMap: () => ({ message: "Lower service levels for variable demand must be on or off." }) })
      .optional()
      .transform((v) => v === "true" || v === "on"),
    reviewPeriodDays: numeric("reviewPeriodDays"),
    holdingCostRatePercent: numeric("holdingCostRatePercent"),
    orderingCost: money("orderingCost"),
    forecastHorizonDays: numeric("forecastHorizonDays"),
    overstockCoverDays: numeric("overstockCoverDays"),
    deadStockDays: numeric("deadStockDays"),
    deadStockMinValue: money("deadStockMinValue"),
    // Empty: no cap on what a plan suggests buying.
    planBudget: optionalMoney("planBudget"),
  })
  .superRefine((v, ctx) => {
    // Orders placed every review period must be plannable within the horizon, and cover of one review
    // period is what ordering produces, not overstock.
    if (v.forecastHorizonDays < v.reviewPeriodDays)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["forecastHorizonDays"], message: `Forecast horizon must be at least the review period (${v.reviewPeriodDays} days).` });
    if (v.overstockCoverDays <= v.reviewPeriodDays)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["overstockCoverDays"], message: `Overstock after must be longer than the review period (${v.reviewPeriodDays} days).` });
  });

export const reprocessForm = z.object({ eventId: z.string().trim().min(1).max(64) });

export const importForm = z
  .object({
    kind: z.enum(IMPORT_KINDS, { errorMap: () => ({ message: "Choose what kind of file this is." }) }),
    snapshotDate: z.string().trim().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "shopify-inventory") return;
    const date = value.snapshotDate ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["snapshotDate"], message: "Enter the date the inventory export was taken, as YYYY-MM-DD." });
    }
  });

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "true" || v === "on");

/**
 * Add (no id) or edit a notification channel. On edit an empty target keeps the stored one: the Slack URL is a
 * secret and never sent back to the browser.
 */
export const channelForm = z
  .object({
    id: z.string().trim().max(64).optional().transform((v) => v || undefined),
    kind: z.enum(CHANNEL_KINDS, { errorMap: () => ({ message: "Choose email or Slack." }) }),
    label: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .refine((v) => v === null || v.length <= 60, "Keep the name to 60 characters or fewer."),
    target: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null),
    // Checked below with the target, so one submit reports every problem at once.
    minSeverity: z.string().optional(),
    dailyDigest: checkbox,
    enabled: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!(SEVERITIES as readonly string[]).includes(v.minSeverity ?? ""))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["minSeverity"], message: "Choose which alerts to send: critical, warning or info." });
    if (v.target === null) {
      if (!v.id) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: v.kind === "slack" ? "Paste the Slack webhook URL." : "Enter an email address." });
      return;
    }
    if (v.kind === "email") {
      if (v.target.length > 254 || !z.string().email().safeParse(v.target).success)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: "Enter a valid email address, like ops@example.com." });
    } else {
      const problem = slackUrlProblem(v.target);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: problem });
    }
  })
  .transform((v) => ({ ...v, minSeverity: v.minSeverity as (typeof SEVERITIES)[number] }));

export const channelIdForm = z.object({ id: z.string().trim().min(1, "Missing channel").max(64) });

/** A Shopify staff member's id: the number from the staff URL, or its gid; stored as the number. */
const staffId = z
  .string({ required_error: "Enter the Shopify staff ID." })
  .trim()
  .transform((v, ctx) => {
    const match = /^(?:gid:\/\/shopify\/StaffMember\/)?(\d{1,20})$/.exec(v);
    if (!match) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: v === "" ? "Enter the Shopify staff ID." : "The staff ID is the number at the end of the staff member's page in Shopify admin (Settings → Users), like 104857602.",
      });
      return z.NEVER;
    }
    return match[1];
  });

export const staffRoleForm = z
  .object({
    id: z.string().trim().max(64).optional().transform((v) => v || undefined),
    staffId,
    name: z.string({ required_error: "Enter the staff member's name." }).trim().min(1, "Enter the staff member's name.").max(80, "Keep the name to 80 characters or fewer."),
    email: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .refine((v) => v === null || (v.length <= 254 && z.string().email().safeParse(v).success), "Enter a valid email address, or leave it empty."),
    role: z.enum(STAFF_ROLES, { errorMap: () => ({ message: "Choose owner, manager or viewer." }) }),
    approvesPurchaseOrders: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.role === "viewer" && v.approvesPurchaseOrders)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["approvesPurchaseOrders"], message: "Viewers cannot approve purchase orders. Make them a manager first." });
  });

export const staffIdForm = z.object({ id: z.string().trim().min(1, "Missing staff member").max(64) });

/** Settings → Approval rules: segregation of duties on purchase orders. */
export const approvalRulesForm = z.object({ blockSelfApproval: checkbox });

/** Settings → Landed cost: write received landed costs back to Shopify (docs/landed-cost.md). */
export const landedCostForm = z.object({ landedCostToShopify: checkbox });

export const INTENTS = [
  "save-settings",
  "reprocess",
  "backfill",
  "import",
  "save-channel",
  "delete-channel",
  "test-channel",
  "save-staff",
  "delete-staff",
  "save-approval-rules",
  "save-landed-cost",
] as const;
export const intentSchema = z.enum(INTENTS);

/** First message per field, for Polaris `error` props. */
export function fieldErrors<T extends string>(error: z.ZodError): Partial<Record<T, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out as Partial<Record<T, string>>;
}
