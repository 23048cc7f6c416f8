// The planning parameters a merchant edits: labels, help and allowed ranges, shared by the form (display)
// and the route's zod schema (validation), so the limits shown are the limits enforced.

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
