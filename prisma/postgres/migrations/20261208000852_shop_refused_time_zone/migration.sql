-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "refusedTimeZone" TEXT;

