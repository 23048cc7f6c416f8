// The one definition of the shop's planning settings: the fields a merchant edits (labels, help, ranges),
// the zod schema that validates the form, the stored columns and their conversions, and what a plan run
// reads. Client-safe (no I/O): the form, the action, the model and planning all use it, so the limits shown
// are the limits enforced and the columns read are the columns written.
import { z } from "zod";

export type PlanningFieldName =
  | "serviceLevelA"
  | "serviceLevelB"
  | "serviceLevelC"
  | "reviewPeriodDays"
  | "holdingCostRatePercent"
  | "orderingCost"
  | "forecastHorizonDays"
  | "overstockCoverDays"
  | "deadStockDays"
  | "deadStockMinValue"
  | "planBudget";

export interface PlanningField {
  name: PlanningFieldName;
  label: string;
  help: string;
  kind: "percent" | "days" | "money";
  min: number;
  max: number;
  /** Decimals allowed: 0 for whole days, 1 for percentages, 2 for money. */
  decimals: number;
  /** True when the minimum itself is not allowed (money that must be more than 0). */
  exclusiveMin?: boolean;
  /** True when the field may be left empty (then it does not apply). */
  optional?: boolean;
}

const serviceLevel = (abc: "A" | "B" | "C", who: string): PlanningField => ({
  name: `serviceLevel${abc}`,
  label: `Class ${abc} cycle service level`,
  help: `Cycle service level: the chance of not running out between two orders, for ${who}. Higher means more safety stock.`,
  kind: "percent",
  min: 50,
  max: 99.99,
  decimals: 2,
});

export const PLANNING_FIELDS: Record<PlanningFieldName, PlanningField> = {
  serviceLevelA: serviceLevel("A", "your top sellers (about 80% of revenue)"),
  serviceLevelB: serviceLevel("B", "the middle group (the next 15% of revenue)"),
  serviceLevelC: serviceLevel("C", "the long tail (the last 5% of revenue)"),
  reviewPeriodDays: {
    name: "reviewPeriodDays",
    label: "Review period",
    help: "How often you check stock and place orders, in days. Stock must cover this period plus the lead time.",
    kind: "days",
    min: 1,
    max: 90,
    decimals: 0,
  },
  holdingCostRatePercent: {
    name: "holdingCostRatePercent",
    label: "Holding cost rate",
    help: "Yearly cost of keeping stock (storage, capital, shrinkage) as a percentage of its unit cost.",
    kind: "percent",
    min: 1,
    max: 100,
    decimals: 1,
  },
  orderingCost: {
    name: "orderingCost",
    label: "Ordering cost",
    help: "What placing one purchase order costs you (admin time, shipping fees). Used for economic order quantities.",
    kind: "money",
    min: 0,
    max: 1_000_000,
    decimals: 2,
    exclusiveMin: true,
  },
  forecastHorizonDays: {
    name: "forecastHorizonDays",
    label: "Forecast horizon",
    help: "How many days ahead demand is forecast.",
    kind: "days",
    min: 28,
    max: 365,
    decimals: 0,
  },
  overstockCoverDays: {
    name: "overstockCoverDays",
    label: "Overstock after",
    help: "A variant with more days of cover than this is flagged as overstocked.",
    kind: "days",
    min: 30,
    max: 730,
    decimals: 0,
  },
  deadStockDays: {
    name: "deadStockDays",
    label: "Dead stock after",
    help: "A variant with stock but no sales for this many days counts as dead stock.",
    kind: "days",
    min: 30,
    max: 730,
    decimals: 0,
  },
  deadStockMinValue: {
    name: "deadStockMinValue",
    label: "Dead stock minimum value",
    help: "Dead stock worth less than this (at unit cost) is not reported.",
    kind: "money",
    min: 0,
    max: 1_000_000,
    decimals: 2,
  },
  planBudget: {
    name: "planBudget",
    label: "Purchase budget per plan",
    help: "Most all of a plan's suggested orders may cost together, at unit cost. When they cost more, the plan cuts them, keeping the orders that prevent the most stockouts per dollar. Leave empty for no limit.",
    kind: "money",
    min: 0,
    max: 100_000_000,
    decimals: 2,
    exclusiveMin: true,
    optional: true,
  },
};

export const PLANNING_FIELD_NAMES = Object.keys(PLANNING_FIELDS) as PlanningFieldName[];

/** "between 50 and 99.9%" etc., for help and error messages. */
export function rangeText(field: PlanningField, currencyCode = ""): string {
  const unit = field.kind === "percent" ? "%" : field.kind === "days" ? " days" : currencyCode ? ` ${currencyCode}` : "";
  if (field.kind === "money") return field.exclusiveMin ? `more than 0${unit}` : `0${unit} or more`;
  return `between ${field.min} and ${field.max}${unit}`;
}

// ── Validation: the form's text → PlanningSettings ───────────────────────────────────────────────────────

const NUMBER_SHAPES: Record<PlanningField["kind"] | "percent2", { pattern: RegExp; example: string }> = {
  percent: { pattern: /^\d+(\.\d)?$/, example: "a percentage with at most one decimal, like 97.5" },
  // Service levels: 99.95% and 99.99% are real choices for items whose demand comes in rare large orders.
  percent2: { pattern: /^\d+(\.\d{1,2})?$/, example: "a percentage with at most two decimals, like 99.95" },
  days: { pattern: /^\d+$/, example: "a whole number of days" },
  money: { pattern: /^\d+(\.\d{1,2})?$/, example: "an amount like 25 or 25.50, without a currency symbol" },
};

/** One text field → its trimmed text ("" when optional and empty), with the field's shape and range checked. */
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
/** A checkbox: absent (unchecked in a plain form post) means off. */
const toggle = (label: string) =>
  z
    .enum(["true", "false", "on"], { errorMap: () => ({ message: `${label} must be on or off.` }) })
    .optional()
    .transform((v) => v === "true" || v === "on");

/**
 * The Settings → Planning form as posted (strings) → planning settings in merchant units: percentages (not
 * fractions), whole days, money as decimal strings with two decimals in the shop's currency.
 */
export const planningSettingsSchema = z
  .object({
    serviceLevelA: numeric("serviceLevelA"),
    serviceLevelB: numeric("serviceLevelB"),
    serviceLevelC: numeric("serviceLevelC"),
    /** Scale each variant's class service level by its unit cost (cheaper items get more, dearer less). */
    balanceServiceByCost: toggle("Balance service levels by unit cost"),
    /** Plan variable (Y) and erratic (Z) demand below its class's level, by ADR 024's matrix. */
    serviceByVariability: toggle("Lower service levels for variable demand"),
    reviewPeriodDays: numeric("reviewPeriodDays"),
    holdingCostRatePercent: numeric("holdingCostRatePercent"),
    orderingCost: money("orderingCost"),
    forecastHorizonDays: numeric("forecastHorizonDays"),
    overstockCoverDays: numeric("overstockCoverDays"),
    deadStockDays: numeric("deadStockDays"),
    deadStockMinValue: money("deadStockMinValue"),
    // Empty: no cap on what a plan suggests buying (ADR 038).
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

/** Planning settings as the merchant edits them (what the form shows and the schema returns). */
export type PlanningSettings = z.output<typeof planningSettingsSchema>;

// ── Storage: the planning columns of Shop (prisma/schema.prisma) ─────────────────────────────────────────
// Service levels and the holding-cost rate are stored as fractions (0.95, 0.25), money as Decimal in the
// shop's currency, the budget as integer cents.

/** The Shop columns that hold the planning settings: the model's select list and write shape. */
export const PLANNING_COLUMNS = [
  "serviceLevelA",
  "serviceLevelB",
  "serviceLevelC",
  "balanceServiceByCost",
  "serviceByVariability",
  "reviewPeriodDays",
  "holdingCostRate",
  "orderingCost",
  "forecastHorizonDays",
  "overstockCoverDays",
  "deadStockDays",
  "deadStockMinValue",
  "planBudgetCents",
] as const;

/** The stored planning settings, as written. */
export interface StoredPlanningSettings {
  serviceLevelA: number;
  serviceLevelB: number;
  serviceLevelC: number;
  balanceServiceByCost: boolean;
  serviceByVariability: boolean;
  reviewPeriodDays: number;
  holdingCostRate: number;
  /** Decimal string, e.g. "25.00". */
  orderingCost: string;
  forecastHorizonDays: number;
  overstockCoverDays: number;
  deadStockDays: number;
  /** Decimal string. */
  deadStockMinValue: string;
  /** Integer cents; null: no cap. */
  planBudgetCents: number | null;
}

/** A Decimal as read (Prisma's Decimal) or as written (a decimal string). */
export type DecimalLike = string | { toFixed(digits: number): string; toString(): string };

/** The stored planning settings as read: money columns come back as Decimals. */
export type StoredPlanningRow = Omit<StoredPlanningSettings, "orderingCost" | "deadStockMinValue"> & { orderingCost: DecimalLike; deadStockMinValue: DecimalLike };

// Two decimals of a percent: service levels go up to 99.99%.
const toPercent = (fraction: number) => Math.round(fraction * 10000) / 100;
const toFraction = (percent: number) => Math.round(percent * 100) / 10000;
const twoDecimals = (value: DecimalLike) => (typeof value === "string" ? Number(value).toFixed(2) : value.toFixed(2));

/**
 * Whole cents of a non-negative amount with at most two decimals, exactly (no float multiply): "5000.5" → 500050.
 * Used for the plan budget, which the form allows up to 100,000,000.00 (well inside a safe integer).
 */
export function amountToCents(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`amount must have at most two decimals, got "${amount}"`);
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Integer cents → a decimal string with two decimals: 500050 → "5000.50". */
export function centsToAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`cents must be a non-negative integer, got ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Stored settings → merchant units: 0.95 → 95 (%), Decimal 25 → "25.00", 500050 cents → "5000.50" ("" for no cap). */
export function fromStoredSettings(row: StoredPlanningRow): PlanningSettings {
  return {
    serviceLevelA: toPercent(row.serviceLevelA),
    serviceLevelB: toPercent(row.serviceLevelB),
    serviceLevelC: toPercent(row.serviceLevelC),
    balanceServiceByCost: row.balanceServiceByCost,
    serviceByVariability: row.serviceByVariability,
    reviewPeriodDays: row.reviewPeriodDays,
    holdingCostRatePercent: toPercent(row.holdingCostRate),
    orderingCost: twoDecimals(row.orderingCost),
    forecastHorizonDays: row.forecastHorizonDays,
    overstockCoverDays: row.overstockCoverDays,
    deadStockDays: row.deadStockDays,
    deadStockMinValue: twoDecimals(row.deadStockMinValue),
    planBudget: row.planBudgetCents === null ? "" : centsToAmount(row.planBudgetCents),
  };
}

/** Merchant units → stored form: 95 (%) → 0.95, "25" → "25.00", "5000.50" → 500050 cents ("" → null). */
export function toStoredSettings(settings: PlanningSettings): StoredPlanningSettings {
  return {
    serviceLevelA: toFraction(settings.serviceLevelA),
    serviceLevelB: toFraction(settings.serviceLevelB),
    serviceLevelC: toFraction(settings.serviceLevelC),
    balanceServiceByCost: settings.balanceServiceByCost,
    serviceByVariability: settings.serviceByVariability,
    reviewPeriodDays: settings.reviewPeriodDays,
    holdingCostRate: toFraction(settings.holdingCostRatePercent),
    orderingCost: twoDecimals(settings.orderingCost),
    forecastHorizonDays: settings.forecastHorizonDays,
    overstockCoverDays: settings.overstockCoverDays,
    deadStockDays: settings.deadStockDays,
    deadStockMinValue: twoDecimals(settings.deadStockMinValue),
    planBudgetCents: settings.planBudget === "" ? null : amountToCents(settings.planBudget),
  };
}

// ── Planning: what a plan run reads of the settings ──────────────────────────────────────────────────────

/** The settings part of a plan run's context (services/planning PlanContext): stored units, money in cents. */
export interface PlanSettingsContext {
  forecastHorizonDays: number;
  reviewPeriodDays: number;
  orderingCostCents: number;
  /** Fraction of unit cost per year. */
  holdingCostRate: number;
  /** Cycle service level per ABC class, as a fraction. */
  serviceLevel: { A: number; B: number; C: number };
  /** Settings → "Lower service levels for variable demand": Y and Z series step below their class level (ADR 024). */
  serviceByVariability: boolean;
  /** Settings → purchase budget per plan, cents (null: no cap). */
  budgetCents: number | null;
}

/** Stored settings → what planning reads: ordering cost Decimal 25.5 → 2550 cents; service levels stay fractions. */
export function planSettingsContext(row: StoredPlanningRow): PlanSettingsContext {
  return {
    forecastHorizonDays: row.forecastHorizonDays,
    reviewPeriodDays: row.reviewPeriodDays,
    orderingCostCents: Math.round(Number(row.orderingCost.toString()) * 100),
    holdingCostRate: row.holdingCostRate,
    serviceLevel: { A: row.serviceLevelA, B: row.serviceLevelB, C: row.serviceLevelC },
    serviceByVariability: row.serviceByVariability,
    budgetCents: row.planBudgetCents,
  };
}
