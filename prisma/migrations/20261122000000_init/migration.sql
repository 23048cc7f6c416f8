-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "scopes" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "serviceLevelA" REAL NOT NULL DEFAULT 0.98,
    "serviceLevelB" REAL NOT NULL DEFAULT 0.95,
    "serviceLevelC" REAL NOT NULL DEFAULT 0.90,
    "reviewPeriodDays" INTEGER NOT NULL DEFAULT 7,
    "holdingCostRate" REAL NOT NULL DEFAULT 0.25,
    "orderingCost" DECIMAL NOT NULL DEFAULT 25,
    "forecastHorizonDays" INTEGER NOT NULL DEFAULT 90,
    "overstockCoverDays" INTEGER NOT NULL DEFAULT 180,
    "deadStockDays" INTEGER NOT NULL DEFAULT 90,
    "deadStockMinValue" DECIMAL NOT NULL DEFAULT 100,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Location" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "shopifyUpdatedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "statedLeadTimeDays" INTEGER NOT NULL DEFAULT 14,
    "moq" INTEGER,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "vendorId" TEXT,
    "productType" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "shopifyCreatedAt" DATETIME,
    "shopifyUpdatedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Variant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "barcode" TEXT,
    "price" DECIMAL NOT NULL DEFAULT 0,
    "unitCost" DECIMAL,
    "inventoryItemId" TEXT,
    "tracked" BOOLEAN NOT NULL DEFAULT true,
    "casePack" INTEGER,
    "moqOverride" INTEGER,
    "leadTimeOverrideDays" INTEGER,
    "minQty" INTEGER,
    "maxQty" INTEGER,
    "doNotReorder" BOOLEAN NOT NULL DEFAULT false,
    "shopifyCreatedAt" DATETIME,
    "shopifyUpdatedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Variant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InventoryLevel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "committed" INTEGER NOT NULL DEFAULT 0,
    "incoming" INTEGER NOT NULL DEFAULT 0,
    "shopifyUpdatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InventoryLevel_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InventoryLevel_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InventorySnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "stockedOut" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "orderName" TEXT,
    "variantGid" TEXT,
    "variantId" TEXT,
    "locationGid" TEXT,
    "locationId" TEXT,
    "quantity" INTEGER NOT NULL,
    "currentQuantity" INTEGER NOT NULL,
    "refundedQuantity" INTEGER NOT NULL DEFAULT 0,
    "unitPrice" DECIMAL NOT NULL DEFAULT 0,
    "orderCreatedAt" DATETIME NOT NULL,
    "localDate" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'webhook',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DemandDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "revenue" DECIMAL NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "BundleComponent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "bundleVariantId" TEXT NOT NULL,
    "componentVariantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "payload" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" DATETIME,
    "lastError" TEXT,
    "singletonKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BackfillRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "stage" TEXT NOT NULL DEFAULT 'locations',
    "bulkOperationId" TEXT,
    "objectsTotal" INTEGER NOT NULL DEFAULT 0,
    "objectsDone" INTEGER NOT NULL DEFAULT 0,
    "resumeCursor" TEXT,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PlanRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "asOfDate" TEXT NOT NULL,
    "seriesTotal" INTEGER NOT NULL DEFAULT 0,
    "seriesPlanned" INTEGER NOT NULL DEFAULT 0,
    "seriesSkipped" INTEGER NOT NULL DEFAULT 0,
    "skippedReasons" JSONB,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Forecast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "planRunId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "demandClass" TEXT NOT NULL,
    "abcClass" TEXT,
    "xyzClass" TEXT,
    "params" JSONB,
    "mean" JSONB NOT NULL,
    "bands" JSONB,
    "errorDist" JSONB,
    "wape" REAL,
    "mase" REAL,
    "rmsse" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ForecastOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "dailyUnits" REAL NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReplenishmentLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "planRunId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "vendorId" TEXT,
    "onHand" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,
    "committed" INTEGER NOT NULL,
    "incoming" INTEGER NOT NULL,
    "onOrder" INTEGER NOT NULL,
    "inventoryPosition" INTEGER NOT NULL,
    "avgDailyDemand" REAL NOT NULL,
    "leadTimeDays" REAL NOT NULL,
    "leadTimeDemand" REAL NOT NULL,
    "safetyStock" REAL NOT NULL,
    "reorderPoint" REAL NOT NULL,
    "eoq" INTEGER NOT NULL,
    "orderUpTo" REAL NOT NULL,
    "serviceLevel" REAL NOT NULL,
    "suggestedQty" INTEGER NOT NULL,
    "editedQty" INTEGER,
    "daysOfCover" REAL,
    "projectedStockoutDate" TEXT,
    "urgency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "abcClass" TEXT,
    "unitCost" DECIMAL
);

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "destinationLocationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "expectedAt" DATETIME,
    "notes" TEXT,
    "source" TEXT NOT NULL DEFAULT 'stockcast',
    "externalRef" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "approvedBy" TEXT,
    "approvedAt" DATETIME,
    "sentAt" DATETIME,
    "closedAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PurchaseOrder_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PurchaseOrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "purchaseOrderId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "quantityOrdered" INTEGER NOT NULL,
    "quantityReceived" INTEGER NOT NULL DEFAULT 0,
    "unitCost" DECIMAL NOT NULL DEFAULT 0,
    CONSTRAINT "PurchaseOrderLine_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "purchaseOrderId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "receivedBy" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pushStatus" TEXT NOT NULL DEFAULT 'pending',
    "pushError" TEXT,
    "pushedAt" DATETIME,
    CONSTRAINT "Receipt_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReceiptLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "receiptId" TEXT NOT NULL,
    "purchaseOrderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "ReceiptLine_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReceiptLine_purchaseOrderLineId_fkey" FOREIGN KEY ("purchaseOrderLineId") REFERENCES "PurchaseOrderLine" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "data" JSONB,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snoozedUntil" DATETIME,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AlertMute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "ruleType" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "minSeverity" TEXT NOT NULL DEFAULT 'critical',
    "dailyDigest" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastError" TEXT,
    "lastDeliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "alertId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffRole" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_shop_key" ON "Shop"("shop");

-- CreateIndex
CREATE INDEX "Location_shop_idx" ON "Location"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Location_shop_shopifyId_key" ON "Location"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "Vendor_shop_idx" ON "Vendor"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_shop_name_key" ON "Vendor"("shop", "name");

-- CreateIndex
CREATE INDEX "Product_shop_vendorId_idx" ON "Product"("shop", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_shop_shopifyId_key" ON "Product"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "Variant_shop_inventoryItemId_idx" ON "Variant"("shop", "inventoryItemId");

-- CreateIndex
CREATE INDEX "Variant_shop_sku_idx" ON "Variant"("shop", "sku");

-- CreateIndex
CREATE INDEX "Variant_shop_productId_idx" ON "Variant"("shop", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Variant_shop_shopifyId_key" ON "Variant"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "InventoryLevel_shop_locationId_idx" ON "InventoryLevel"("shop", "locationId");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryLevel_shop_variantId_locationId_key" ON "InventoryLevel"("shop", "variantId", "locationId");

-- CreateIndex
CREATE INDEX "InventorySnapshot_shop_date_idx" ON "InventorySnapshot"("shop", "date");

-- CreateIndex
CREATE UNIQUE INDEX "InventorySnapshot_shop_variantId_locationId_date_key" ON "InventorySnapshot"("shop", "variantId", "locationId", "date");

-- CreateIndex
CREATE INDEX "OrderLine_shop_orderGid_idx" ON "OrderLine"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "OrderLine_shop_variantId_locationId_localDate_idx" ON "OrderLine"("shop", "variantId", "locationId", "localDate");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_shop_lineItemGid_key" ON "OrderLine"("shop", "lineItemGid");

-- CreateIndex
CREATE INDEX "DemandDay_shop_date_idx" ON "DemandDay"("shop", "date");

-- CreateIndex
CREATE UNIQUE INDEX "DemandDay_shop_variantId_locationId_date_key" ON "DemandDay"("shop", "variantId", "locationId", "date");

-- CreateIndex
CREATE INDEX "BundleComponent_shop_componentVariantId_idx" ON "BundleComponent"("shop", "componentVariantId");

-- CreateIndex
CREATE UNIQUE INDEX "BundleComponent_shop_bundleVariantId_componentVariantId_key" ON "BundleComponent"("shop", "bundleVariantId", "componentVariantId");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_status_idx" ON "WebhookEvent"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_shop_webhookId_key" ON "WebhookEvent"("shop", "webhookId");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_name_status_idx" ON "Job"("shop", "name", "status");

-- CreateIndex
CREATE INDEX "BackfillRun_shop_startedAt_idx" ON "BackfillRun"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "ImportBatch_shop_createdAt_idx" ON "ImportBatch"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportBatch_shop_kind_fileHash_key" ON "ImportBatch"("shop", "kind", "fileHash");

-- CreateIndex
CREATE INDEX "PlanRun_shop_status_startedAt_idx" ON "PlanRun"("shop", "status", "startedAt");

-- CreateIndex
CREATE INDEX "Forecast_shop_variantId_locationId_idx" ON "Forecast"("shop", "variantId", "locationId");

-- CreateIndex
CREATE UNIQUE INDEX "Forecast_planRunId_variantId_locationId_key" ON "Forecast"("planRunId", "variantId", "locationId");

-- CreateIndex
CREATE INDEX "ForecastOverride_shop_variantId_locationId_idx" ON "ForecastOverride"("shop", "variantId", "locationId");

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_urgency_idx" ON "ReplenishmentLine"("shop", "planRunId", "urgency");

-- CreateIndex
CREATE INDEX "ReplenishmentLine_shop_planRunId_vendorId_idx" ON "ReplenishmentLine"("shop", "planRunId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReplenishmentLine_planRunId_variantId_locationId_key" ON "ReplenishmentLine"("planRunId", "variantId", "locationId");

-- CreateIndex
CREATE INDEX "PurchaseOrder_shop_status_idx" ON "PurchaseOrder"("shop", "status");

-- CreateIndex
CREATE INDEX "PurchaseOrder_shop_vendorId_idx" ON "PurchaseOrder"("shop", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_shop_number_key" ON "PurchaseOrder"("shop", "number");

-- CreateIndex
CREATE INDEX "PurchaseOrderLine_shop_variantId_idx" ON "PurchaseOrderLine"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrderLine_purchaseOrderId_variantId_key" ON "PurchaseOrderLine"("purchaseOrderId", "variantId");

-- CreateIndex
CREATE INDEX "Receipt_shop_purchaseOrderId_idx" ON "Receipt"("shop", "purchaseOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_shop_idempotencyKey_key" ON "Receipt"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ReceiptLine_shop_receiptId_idx" ON "ReceiptLine"("shop", "receiptId");

-- CreateIndex
CREATE INDEX "Alert_shop_status_severity_idx" ON "Alert"("shop", "status", "severity");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_shop_dedupeKey_key" ON "Alert"("shop", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "AlertMute_shop_ruleType_entityType_entityId_key" ON "AlertMute"("shop", "ruleType", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "NotificationChannel_shop_idx" ON "NotificationChannel"("shop");

-- CreateIndex
CREATE INDEX "NotificationDelivery_shop_status_idx" ON "NotificationDelivery"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "StaffRole_shop_staffId_key" ON "StaffRole"("shop", "staffId");

-- CreateIndex
CREATE INDEX "AuditEntry_shop_entityType_entityId_idx" ON "AuditEntry"("shop", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_shop_at_idx" ON "AuditEntry"("shop", "at");

