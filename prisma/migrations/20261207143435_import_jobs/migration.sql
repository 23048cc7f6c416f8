-- CreateTable
CREATE TABLE "ImportUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ImportUpload_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "options" JSONB,
    "bytesTotal" INTEGER NOT NULL DEFAULT 0,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "rowsToWrite" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ImportBatch" ("createdAt", "errors", "fileHash", "fileName", "id", "kind", "rowCount", "shop", "status") SELECT "createdAt", "errors", "fileHash", "fileName", "id", "kind", "rowCount", "shop", "status" FROM "ImportBatch";
DROP TABLE "ImportBatch";
ALTER TABLE "new_ImportBatch" RENAME TO "ImportBatch";
CREATE INDEX "ImportBatch_shop_createdAt_idx" ON "ImportBatch"("shop", "createdAt");
CREATE INDEX "ImportBatch_shop_status_idx" ON "ImportBatch"("shop", "status");
CREATE UNIQUE INDEX "ImportBatch_shop_kind_fileHash_key" ON "ImportBatch"("shop", "kind", "fileHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ImportUpload_batchId_key" ON "ImportUpload"("batchId");

-- CreateIndex
CREATE INDEX "ImportUpload_shop_idx" ON "ImportUpload"("shop");

