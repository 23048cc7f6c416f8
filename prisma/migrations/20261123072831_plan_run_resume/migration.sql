-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN "heartbeatAt" DATETIME;
ALTER TABLE "PlanRun" ADD COLUMN "resumeAfter" TEXT;

