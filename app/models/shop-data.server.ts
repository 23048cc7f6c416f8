import prisma from "~/db.server";

/**
 * Deletes every row Stockcast holds for one shop, in one transaction (shop/redact, 48 h after uninstall).
 * Children before parents so foreign keys never block; safe to run twice.
 */
export async function deleteAllShopData(shop: string): Promise<void> {
  const where = { shop };
  await prisma.$transaction([
    prisma.receiptLine.deleteMany({ where }),
    prisma.receipt.deleteMany({ where }),
    prisma.purchaseOrderLine.deleteMany({ where }),
    prisma.purchaseOrder.deleteMany({ where }),
    prisma.replenishmentLine.deleteMany({ where }),
    prisma.forecast.deleteMany({ where }),
    prisma.forecastOverride.deleteMany({ where }),
    prisma.forecastSnapshot.deleteMany({ where }),
    prisma.planRun.deleteMany({ where }),
    prisma.alert.deleteMany({ where }),
    prisma.alertMute.deleteMany({ where }),
    prisma.notificationDelivery.deleteMany({ where }),
    prisma.notificationChannel.deleteMany({ where }),
    prisma.demandDay.deleteMany({ where }),
    prisma.orderLineRefund.deleteMany({ where }),
    prisma.orderLine.deleteMany({ where }),
    prisma.inventorySnapshot.deleteMany({ where }),
    prisma.inventoryLevel.deleteMany({ where }),
    prisma.quantityRefresh.deleteMany({ where }),
    prisma.quantitySweep.deleteMany({ where }),
    prisma.nativePurchaseOrderLine.deleteMany({ where }),
    prisma.bundleComponent.deleteMany({ where }),
    prisma.vendorVariant.deleteMany({ where }),
    prisma.variant.deleteMany({ where }),
    prisma.product.deleteMany({ where }),
    prisma.vendor.deleteMany({ where }),
    prisma.location.deleteMany({ where }),
    prisma.webhookEvent.deleteMany({ where }),
    prisma.job.deleteMany({ where }),
    prisma.backfillRun.deleteMany({ where }),
    prisma.importUpload.deleteMany({ where }),
    prisma.importBatch.deleteMany({ where }),
    prisma.actionLease.deleteMany({ where }),
    prisma.savedView.deleteMany({ where }),
    prisma.staffRole.deleteMany({ where }),
    prisma.auditEntry.deleteMany({ where }),
    prisma.session.deleteMany({ where }),
    prisma.shop.deleteMany({ where }),
  ]);
}

/** app/uninstalled: drop the access tokens and mark the shop inactive; its data stays until shop/redact. */
export async function markShopUninstalled(shop: string, at: Date): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.updateMany({ where: { shop }, data: { active: false, uninstalledAt: at } }),
  ]);
}

/** Stores the granted scopes; `dropNativePurchaseOrders` (that scope is gone) drops what it let Stockcast read. */
export async function updateShopScopes(shop: string, scopes: string, options: { dropNativePurchaseOrders?: boolean } = {}): Promise<void> {
  await prisma.$transaction([
    prisma.session.updateMany({ where: { shop }, data: { scope: scopes } }),
    prisma.shop.updateMany({ where: { shop }, data: { scopes } }),
    ...(options.dropNativePurchaseOrders ? [prisma.nativePurchaseOrderLine.deleteMany({ where: { shop } })] : []),
  ]);
}
