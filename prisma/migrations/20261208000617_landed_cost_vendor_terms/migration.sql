-- Additive only: SQLite accepts ADD COLUMN with a constant default, so no table is rebuilt.
-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "landedCostToShopify" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Variant" ADD COLUMN "landedCostAt" DATETIME;
ALTER TABLE "Variant" ADD COLUMN "landedUnitCost" DECIMAL;

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN "chargeAllocation" TEXT NOT NULL DEFAULT 'value';
ALTER TABLE "PurchaseOrder" ADD COLUMN "dutyCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "PurchaseOrder" ADD COLUMN "freightCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "PurchaseOrder" ADD COLUMN "otherChargesCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "VendorVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "vendorSku" TEXT,
    "vendorPrice" DECIMAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VendorVariant_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VendorVariant_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VendorVariant_shop_variantId_idx" ON "VendorVariant"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorVariant_shop_vendorId_variantId_key" ON "VendorVariant"("shop", "vendorId", "variantId");
