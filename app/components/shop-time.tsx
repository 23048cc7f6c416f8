// The shop's time zone for every time on a merchant screen: the app layout provides Shop.ianaTimezone,
// components format through utils/dates.ts formatShopTime. Outside the layout (component tests) it is UTC.
import { createContext, useContext } from "react";
import { formatShopTime, type ShopTimeStyle } from "~/utils/dates";

export const ShopTimeZone = createContext("UTC");

/** A formatter of instants in the shop's time zone: time("2026-12-07T18:32:00Z") → "Dec 7, 2026, 10:32 AM PST". */
export function useShopTime(): (at: Date | string, style?: ShopTimeStyle) => string {
  const timeZone = useContext(ShopTimeZone);
  return (at, style) => formatShopTime(at, timeZone, style);
}
