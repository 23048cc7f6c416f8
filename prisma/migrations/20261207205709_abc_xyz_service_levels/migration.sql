-- AlterTable
ALTER TABLE "ReplenishmentLine" ADD COLUMN "xyzClass" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "scopes" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "serviceLevelA" REAL NOT NULL DEFAULT 0.98,
    "serviceLevelB" REAL NOT NULL DEFAULT 0.95,
    "serviceLevelC" REAL NOT NULL DEFAULT 0.90,
    "reviewPeriodDays" INTEGER NOT NULL DEFAULT 7,
    "holdingCostRate" REAL NOT NULL DEFAULT 0.25,
    "orderingCost" DECIMAL NOT NULL DEFAULT 25,
    "forecastHorizonDays" INTEGER NOT NULL DEFAULT 90,
    "overstockCoverDays" INTEGER NOT NULL DEFAULT 180,
    "deadStockDays" INTEGER NOT NULL DEFAULT 90,
    "deadStockMinValue" DECIMAL NOT NULL DEFAULT 100,
    "balanceServiceByCost" BOOLEAN NOT NULL DEFAULT false,
    "planBudgetCents" INTEGER,
    "serviceByVariability" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("active", "balanceServiceByCost", "createdAt", "currencyCode", "deadStockDays", "deadStockMinValue", "forecastHorizonDays", "holdingCostRate", "ianaTimezone", "id", "installedAt", "isDemo", "name", "orderingCost", "overstockCoverDays", "planBudgetCents", "reviewPeriodDays", "scopes", "serviceLevelA", "serviceLevelB", "serviceLevelC", "shop", "uninstalledAt", "updatedAt") SELECT "active", "balanceServiceByCost", "createdAt", "currencyCode", "deadStockDays", "deadStockMinValue", "forecastHorizonDays", "holdingCostRate", "ianaTimezone", "id", "installedAt", "isDemo", "name", "orderingCost", "overstockCoverDays", "planBudgetCents", "reviewPeriodDays", "scopes", "serviceLevelA", "serviceLevelB", "serviceLevelC", "shop", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE UNIQUE INDEX "Shop_shop_key" ON "Shop"("shop");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

