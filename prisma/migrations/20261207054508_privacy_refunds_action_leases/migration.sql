-- CreateTable
CREATE TABLE "OrderLineRefund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "refundGid" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "refundedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ActionLease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "busyUntil" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderLineRefund_shop_lineItemGid_refundGid_key" ON "OrderLineRefund"("shop", "lineItemGid", "refundGid");

-- CreateIndex
CREATE UNIQUE INDEX "ActionLease_shop_action_key" ON "ActionLease"("shop", "action");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_processedAt_idx" ON "WebhookEvent"("status", "processedAt");

