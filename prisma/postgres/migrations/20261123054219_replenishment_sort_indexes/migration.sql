-- DropIndex
DROP INDEX "ReplenishmentLine_shop_planRunId_urgency_idx";

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_urgency_projectedStockoutD_idx" ON "ReplenishmentLine"("shop", "planRunId", "urgency", "projectedStockoutDate", "suggestedQty" DESC, "id", "locationId", "abcClass");

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_projectedStockoutDate_sugg_idx" ON "ReplenishmentLine"("shop", "planRunId", "projectedStockoutDate", "suggestedQty" DESC, "id", "urgency", "locationId", "abcClass");

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_daysOfCover_id_urgency_loc_idx" ON "ReplenishmentLine"("shop", "planRunId", "daysOfCover", "id", "urgency", "locationId", "abcClass");

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_suggestedQty_id_urgency_lo_idx" ON "ReplenishmentLine"("shop", "planRunId", "suggestedQty" DESC, "id", "urgency", "locationId", "abcClass");

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_unitCost_suggestedQty_id_u_idx" ON "ReplenishmentLine"("shop", "planRunId", "unitCost" DESC, "suggestedQty" DESC, "id", "urgency", "locationId", "abcClass");

