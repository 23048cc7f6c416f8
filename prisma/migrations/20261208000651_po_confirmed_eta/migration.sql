-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN "confirmedEta" DATETIME;

