-- CreateTable
CREATE TABLE "NativePurchaseOrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "lineGid" TEXT NOT NULL,
    "purchaseOrderGid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "supplier" TEXT,
    "supplierSku" TEXT,
    "orderedAt" DATETIME,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "NativePurchaseOrderLine_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NativePurchaseOrderLine_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "NativePurchaseOrderLine_shop_variantId_idx" ON "NativePurchaseOrderLine"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "NativePurchaseOrderLine_shop_lineGid_key" ON "NativePurchaseOrderLine"("shop", "lineGid");

