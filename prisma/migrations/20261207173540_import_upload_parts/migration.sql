-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "shop" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ImportUpload_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A file stored before parts existed is its own part 0.
INSERT INTO "new_ImportUpload" ("batchId", "part", "content", "createdAt", "id", "shop") SELECT "batchId", 0, "content", "createdAt", "id", "shop" FROM "ImportUpload";
DROP TABLE "ImportUpload";
ALTER TABLE "new_ImportUpload" RENAME TO "ImportUpload";
CREATE INDEX "ImportUpload_shop_idx" ON "ImportUpload"("shop");
CREATE UNIQUE INDEX "ImportUpload_batchId_part_key" ON "ImportUpload"("batchId", "part");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

