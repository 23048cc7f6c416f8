-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN     "lineCounts" JSONB;

