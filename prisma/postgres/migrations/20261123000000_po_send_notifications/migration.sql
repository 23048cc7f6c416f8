-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "rejectedReason" TEXT,
ADD COLUMN     "sentTo" TEXT;

-- AlterTable
ALTER TABLE "NotificationChannel" ADD COLUMN     "label" TEXT,
ADD COLUMN     "lastDigestDate" TEXT;

-- AlterTable
ALTER TABLE "NotificationDelivery" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'alert';

-- CreateIndex
CREATE INDEX "OrderLine_shop_orderName_idx" ON "OrderLine"("shop", "orderName");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_receivedAt_idx" ON "WebhookEvent"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "Job_name_singletonKey_status_idx" ON "Job"("name", "singletonKey", "status");

