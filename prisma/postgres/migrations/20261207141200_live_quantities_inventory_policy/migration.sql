-- AlterTable
ALTER TABLE "Variant" ADD COLUMN     "inventoryPolicy" TEXT;

-- AlterTable
ALTER TABLE "InventoryLevel" ADD COLUMN     "quantitiesUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "reserved" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "QuantityRefresh" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "touchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuantityRefresh_pkey" PRIMARY KEY ("shop","inventoryItemId")
);

-- CreateTable
CREATE TABLE "QuantitySweep" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "sweptAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuantitySweep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuantityRefresh_shop_touchedAt_idx" ON "QuantityRefresh"("shop", "touchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuantitySweep_shop_key" ON "QuantitySweep"("shop");

