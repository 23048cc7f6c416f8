-- CreateTable
CREATE TABLE "OrderLineRefund" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "refundGid" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "refundedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderLineRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionLease" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "busyUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionLease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderLineRefund_shop_lineItemGid_refundGid_key" ON "OrderLineRefund"("shop", "lineItemGid", "refundGid");

-- CreateIndex
CREATE UNIQUE INDEX "ActionLease_shop_action_key" ON "ActionLease"("shop", "action");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_processedAt_idx" ON "WebhookEvent"("status", "processedAt");

