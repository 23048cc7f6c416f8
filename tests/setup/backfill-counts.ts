// Backfill tests compare what a backfill stored for a shop with what the fixture store holds (EXPECTED).
import prisma from "~/db.server";
import type { EXPECTED } from "../fixtures/bulk/store";

/** The rows a backfill stored for `shop`, counted under the same names as EXPECTED. */
export async function backfilledCounts(shop: string): Promise<typeof EXPECTED> {
  const where = { shop };
  return {
    locations: await prisma.location.count({ where }),
    vendors: await prisma.vendor.count({ where }),
    products: await prisma.product.count({ where }),
    variants: await prisma.variant.count({ where }),
    inventoryLevels: await prisma.inventoryLevel.count({ where }),
    orderLines: await prisma.orderLine.count({ where }),
  };
}
