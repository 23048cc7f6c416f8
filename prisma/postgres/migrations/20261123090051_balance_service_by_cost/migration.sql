-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "balanceServiceByCost" BOOLEAN NOT NULL DEFAULT false;

