import { latestCompletePlanRun } from "~/models/plan-run.server";
import { listOpenPoLines, listPlanLinesForKpis, listStockOnHand, sellersSince, stockoutDays } from "~/models/overview.server";
import { ON_ORDER_STATUSES } from "~/models/planning-inputs.server";
import { countShopData, findShop } from "~/models/shop.server";
import { addDays } from "~/utils/dates";

/** Decimal (or null) → integer cents; money is summed in cents, never as floats. */
const cents = (d: { toString(): string } | null | undefined) => (d ? Math.round(Number(d.toString()) * 100) : 0);

export interface OverviewKpis {
  /** Σ on hand × unit cost, cents. */
  inventoryValueCents: number;
  /** Cost of the demand expected before an order placed today could arrive, on lines that will run out first (cents). */
  stockAtRiskCents: number;
  atRiskLines: number;
  /** Inventory value ÷ daily forecast demand at cost, days; null without a plan or demand. */
  daysOfSupply: number | null;
  /** Share of variant-location-days stocked out in the last 30 days; null without snapshots. */
  stockoutRate30d: number | null;
  /** Stocked-out days × forecast daily demand × price over the last 30 days, cents (an estimate). */
  lostRevenue30dCents: number;
  /** Annual demand at cost ÷ current inventory value; null without a plan. */
  inventoryTurnover: number | null;
  /** On-hand value of items with no sales in the shop's dead-stock window, cents. */
  deadStockValueCents: number;
  openPoValueCents: number;
}

export interface OverviewDto {
  shopName: string;
  currency: string;
  planAsOf: string | null;
  counts: { variants: number; locations: number; vendors: number; orders: number; orderLines: number; demandDays: number; purchaseOrders: number };
  kpis: OverviewKpis;
}

/** The Overview: what has been synced, and the inventory KPIs from current stock and the latest plan. */
export async function getOverview(shop: string, now = new Date()): Promise<OverviewDto> {
  const [row, counts, run] = await Promise.all([findShop(shop), countShopData(shop), latestCompletePlanRun(shop)]);
  const today = run?.asOfDate ?? now.toISOString().slice(0, 10);
  const [stock, lines, sellers, stockouts, openLines] = await Promise.all([
    listStockOnHand(shop),
    run ? listPlanLinesForKpis(shop, run.id) : Promise.resolve([]),
    sellersSince(shop, addDays(today, -(row?.deadStockDays ?? 90))),
    stockoutDays(shop, addDays(today, -30)),
    listOpenPoLines(shop, ON_ORDER_STATUSES),
  ]);

  const inventoryValueCents = stock.reduce((s, l) => s + l.onHand * cents(l.variant.unitCost), 0);
  const deadStockValueCents = stock
    .filter((l) => !sellers.has(`${l.variantId}|${l.locationId}`))
    .reduce((s, l) => s + l.onHand * cents(l.variant.unitCost), 0);
  const atRisk = lines.filter((l) => l.urgency === "critical");
  const stockAtRiskCents = atRisk.reduce((s, l) => s + Math.round(Math.max(0, l.leadTimeDemand - Math.max(0, l.available)) * cents(l.unitCost)), 0);
  const dailyDemandCents = lines.reduce((s, l) => s + l.avgDailyDemand * cents(l.unitCost), 0);
  const priceByKey = new Map(stock.map((l) => [`${l.variantId}|${l.locationId}`, cents(l.variant.price)]));
  const demandByKey = new Map(lines.map((l) => [`${l.variantId}|${l.locationId}`, l.avgDailyDemand]));
  const lostRevenue30dCents = Math.round(
    stockouts.out.reduce((s, o) => s + (demandByKey.get(`${o.variantId}|${o.locationId}`) ?? 0) * (priceByKey.get(`${o.variantId}|${o.locationId}`) ?? 0), 0),
  );
  return {
    shopName: row?.name ?? shop,
    currency: row?.currencyCode ?? "USD",
    planAsOf: run?.asOfDate ?? null,
    counts,
    kpis: {
      inventoryValueCents,
      stockAtRiskCents,
      atRiskLines: atRisk.length,
      daysOfSupply: run && dailyDemandCents > 0 ? inventoryValueCents / dailyDemandCents : null,
      stockoutRate30d: stockouts.all > 0 ? stockouts.out.length / stockouts.all : null,
      lostRevenue30dCents,
      inventoryTurnover: run && inventoryValueCents > 0 ? (dailyDemandCents * 365) / inventoryValueCents : null,
      deadStockValueCents,
      openPoValueCents: openLines.reduce((s, l) => s + Math.max(0, l.quantityOrdered - l.quantityReceived) * cents(l.unitCost), 0),
    },
  };
}
