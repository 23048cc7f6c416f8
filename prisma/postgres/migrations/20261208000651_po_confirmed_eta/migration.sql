-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "confirmedEta" TIMESTAMP(3);

