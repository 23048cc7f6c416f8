-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN "cancelReason" TEXT;
ALTER TABLE "PurchaseOrder" ADD COLUMN "rejectedReason" TEXT;
ALTER TABLE "PurchaseOrder" ADD COLUMN "sentTo" TEXT;

-- AlterTable
ALTER TABLE "NotificationChannel" ADD COLUMN "label" TEXT;
ALTER TABLE "NotificationChannel" ADD COLUMN "lastDigestDate" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NotificationDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "alertId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'alert',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_NotificationDelivery" ("alertId", "attempts", "channelId", "createdAt", "error", "id", "shop", "status", "updatedAt") SELECT "alertId", "attempts", "channelId", "createdAt", "error", "id", "shop", "status", "updatedAt" FROM "NotificationDelivery";
DROP TABLE "NotificationDelivery";
ALTER TABLE "new_NotificationDelivery" RENAME TO "NotificationDelivery";
CREATE INDEX "NotificationDelivery_shop_status_idx" ON "NotificationDelivery"("shop", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrderLine_shop_orderName_idx" ON "OrderLine"("shop", "orderName");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_receivedAt_idx" ON "WebhookEvent"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "Job_name_singletonKey_status_idx" ON "Job"("name", "singletonKey", "status");

