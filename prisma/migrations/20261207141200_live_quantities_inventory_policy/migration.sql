-- AlterTable
ALTER TABLE "Variant" ADD COLUMN "inventoryPolicy" TEXT;

-- CreateTable
CREATE TABLE "QuantityRefresh" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "touchedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "inventoryItemId")
);

-- CreateTable
CREATE TABLE "QuantitySweep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "sweptAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InventoryLevel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "committed" INTEGER NOT NULL DEFAULT 0,
    "incoming" INTEGER NOT NULL DEFAULT 0,
    "shopifyUpdatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "quantitiesUpdatedAt" DATETIME,
    CONSTRAINT "InventoryLevel_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InventoryLevel_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InventoryLevel" ("available", "committed", "id", "incoming", "locationId", "onHand", "shop", "shopifyUpdatedAt", "updatedAt", "variantId") SELECT "available", "committed", "id", "incoming", "locationId", "onHand", "shop", "shopifyUpdatedAt", "updatedAt", "variantId" FROM "InventoryLevel";
DROP TABLE "InventoryLevel";
ALTER TABLE "new_InventoryLevel" RENAME TO "InventoryLevel";
CREATE INDEX "InventoryLevel_shop_locationId_idx" ON "InventoryLevel"("shop", "locationId");
CREATE UNIQUE INDEX "InventoryLevel_shop_variantId_locationId_key" ON "InventoryLevel"("shop", "variantId", "locationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuantityRefresh_shop_touchedAt_idx" ON "QuantityRefresh"("shop", "touchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuantitySweep_shop_key" ON "QuantitySweep"("shop");

