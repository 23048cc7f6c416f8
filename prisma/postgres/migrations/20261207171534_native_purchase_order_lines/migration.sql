-- CreateTable
CREATE TABLE "NativePurchaseOrderLine" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "lineGid" TEXT NOT NULL,
    "purchaseOrderGid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "supplier" TEXT,
    "supplierSku" TEXT,
    "orderedAt" TIMESTAMP(3),
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "NativePurchaseOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NativePurchaseOrderLine_shop_variantId_idx" ON "NativePurchaseOrderLine"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "NativePurchaseOrderLine_shop_lineGid_key" ON "NativePurchaseOrderLine"("shop", "lineGid");

-- AddForeignKey
ALTER TABLE "NativePurchaseOrderLine" ADD CONSTRAINT "NativePurchaseOrderLine_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NativePurchaseOrderLine" ADD CONSTRAINT "NativePurchaseOrderLine_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

