-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "planBudgetCents" INTEGER;

-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN "budgetCents" INTEGER;
ALTER TABLE "PlanRun" ADD COLUMN "budgetSpentCents" INTEGER;
ALTER TABLE "PlanRun" ADD COLUMN "budgetUncutCents" INTEGER;

-- AlterTable
ALTER TABLE "ReplenishmentLine" ADD COLUMN "budgetCutFrom" INTEGER;

