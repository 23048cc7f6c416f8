-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "planBudgetCents" INTEGER;

-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN     "budgetCents" INTEGER,
ADD COLUMN     "budgetSpentCents" INTEGER,
ADD COLUMN     "budgetUncutCents" INTEGER;

-- AlterTable
ALTER TABLE "ReplenishmentLine" ADD COLUMN     "budgetCutFrom" INTEGER;

