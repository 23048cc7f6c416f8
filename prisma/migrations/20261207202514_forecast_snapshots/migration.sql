-- CreateTable
CREATE TABLE "ForecastSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "planRunId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "week1" REAL NOT NULL,
    "week2" REAL NOT NULL,
    "week3" REAL NOT NULL,
    "week4" REAL NOT NULL,
    "naiveDaily" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "ForecastSnapshot_planRunId_idx" ON "ForecastSnapshot"("planRunId");

-- CreateIndex
CREATE UNIQUE INDEX "ForecastSnapshot_shop_date_variantId_locationId_key" ON "ForecastSnapshot"("shop", "date", "variantId", "locationId");

-- CreateIndex
CREATE INDEX "InventorySnapshot_shop_stockedOut_date_idx" ON "InventorySnapshot"("shop", "stockedOut", "date");

