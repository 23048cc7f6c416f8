-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "bytesRead" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bytesTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "errorCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "options" JSONB,
ADD COLUMN     "result" JSONB,
ADD COLUMN     "rowsToWrite" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rowsWritten" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ImportUpload" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportUpload_batchId_key" ON "ImportUpload"("batchId");

-- CreateIndex
CREATE INDEX "ImportUpload_shop_idx" ON "ImportUpload"("shop");

-- CreateIndex
CREATE INDEX "ImportBatch_shop_status_idx" ON "ImportBatch"("shop", "status");

-- AddForeignKey
ALTER TABLE "ImportUpload" ADD CONSTRAINT "ImportUpload_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

