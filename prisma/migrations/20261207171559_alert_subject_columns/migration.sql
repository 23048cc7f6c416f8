-- AlterTable
ALTER TABLE "Alert" ADD COLUMN "locationId" TEXT;
ALTER TABLE "Alert" ADD COLUMN "variantId" TEXT;
ALTER TABLE "Alert" ADD COLUMN "vendorId" TEXT;

-- CreateIndex
CREATE INDEX "Alert_shop_status_vendorId_locationId_idx" ON "Alert"("shop", "status", "vendorId", "locationId");

