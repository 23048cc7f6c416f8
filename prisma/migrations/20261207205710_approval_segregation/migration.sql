-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "blockSelfApproval" BOOLEAN;

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN "submittedBy" TEXT;

