-- DropIndex
DROP INDEX "ImportUpload_batchId_key";

-- AlterTable
-- A file stored before parts existed is its own part 0.
ALTER TABLE "ImportUpload" ADD COLUMN     "part" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ImportUpload" ALTER COLUMN "part" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "ImportUpload_batchId_part_key" ON "ImportUpload"("batchId", "part");

