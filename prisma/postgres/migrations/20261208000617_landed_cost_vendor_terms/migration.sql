-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "landedCostToShopify" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Variant" ADD COLUMN     "landedCostAt" TIMESTAMP(3),
ADD COLUMN     "landedUnitCost" DECIMAL(65,30);

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "chargeAllocation" TEXT NOT NULL DEFAULT 'value',
ADD COLUMN     "dutyCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "freightCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "otherChargesCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "VendorVariant" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "vendorSku" TEXT,
    "vendorPrice" DECIMAL(65,30),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VendorVariant_shop_variantId_idx" ON "VendorVariant"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorVariant_shop_vendorId_variantId_key" ON "VendorVariant"("shop", "vendorId", "variantId");

-- AddForeignKey
ALTER TABLE "VendorVariant" ADD CONSTRAINT "VendorVariant_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorVariant" ADD CONSTRAINT "VendorVariant_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

