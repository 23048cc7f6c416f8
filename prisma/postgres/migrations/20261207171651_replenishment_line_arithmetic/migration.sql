-- AlterTable
ALTER TABLE "ReplenishmentLine" ADD COLUMN     "arithmetic" TEXT,
ADD COLUMN     "draftedUnits" INTEGER NOT NULL DEFAULT 0;

