// Tests that prove a plan stays shop-scoped plan their own shop and another: one call for both.
import { planShop } from "~/services/planning/plan-shop.server";

/** Plans each shop in turn, in order; returns their plan summaries in the same order. */
export async function planShops(shops: readonly string[], options: Parameters<typeof planShop>[1]) {
  const runs = [];
  for (const shop of shops) runs.push(await planShop(shop, options));
  return runs;
}
