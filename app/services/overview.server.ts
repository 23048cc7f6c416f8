import { countShopData, findShop } from "~/models/shop.server";

export interface OverviewDto {
  shopName: string;
  counts: { variants: number; locations: number; vendors: number; orders: number; orderLines: number; demandDays: number; purchaseOrders: number };
}

/** What the Overview shows until the dashboard issue lands: who the shop is and what has been synced. */
export async function getOverview(shop: string): Promise<OverviewDto> {
  const [row, counts] = await Promise.all([findShop(shop), countShopData(shop)]);
  return { shopName: row?.name ?? shop, counts };
}
