-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "resumeAfter" TEXT;

