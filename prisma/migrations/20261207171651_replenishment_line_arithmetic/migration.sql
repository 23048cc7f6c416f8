-- AlterTable (the columns go last, so SQLite adds them in place instead of copying the plan's lines)
ALTER TABLE "ReplenishmentLine" ADD COLUMN "draftedUnits" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ReplenishmentLine" ADD COLUMN "arithmetic" TEXT;
