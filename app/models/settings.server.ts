import { defaultDb, type Db } from "./transaction.server";

// The planning settings columns of Shop (prisma/schema.prisma). Service levels and the holding-cost rate are
// stored as fractions (0.95, 0.25); money as Decimal in the shop's currency.

const SETTINGS_SELECT = {
  currencyCode: true,
  serviceLevelA: true,
  serviceLevelB: true,
  serviceLevelC: true,
  balanceServiceByCost: true,
  serviceByVariability: true,
  reviewPeriodDays: true,
  holdingCostRate: true,
  orderingCost: true,
  forecastHorizonDays: true,
  overstockCoverDays: true,
  deadStockDays: true,
  deadStockMinValue: true,
  planBudgetCents: true,
  updatedAt: true,
} as const;

/** Settings row of one shop, or null when the shop never installed. */
export function findShopSettings(shop: string, db: Db = defaultDb) {
  return db.shop.findUnique({ where: { shop }, select: SETTINGS_SELECT });
}

export interface ShopSettingsWrite {
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

/** Writes the settings of exactly this shop; returns false when the shop has no row. */
export async function updateShopSettings(shop: string, settings: ShopSettingsWrite, db: Db = defaultDb): Promise<boolean> {
  const { count } = await db.shop.updateMany({ where: { shop }, data: settings });
  return count === 1;
}
