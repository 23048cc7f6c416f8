-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "serviceByVariability" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReplenishmentLine" ADD COLUMN     "xyzClass" TEXT;

