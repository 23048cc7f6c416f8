import { operation } from "./define";

export interface ShopInfoData {
  shop: { name: string; ianaTimezone: string; currencyCode: string };
}

/** The shop's name, time zone (a demand day is the shop's local day) and currency. */
export const SHOP_INFO = operation<ShopInfoData>(`
query ShopInfo {
  shop {
    name
    ianaTimezone
    currencyCode
  }
}`);
