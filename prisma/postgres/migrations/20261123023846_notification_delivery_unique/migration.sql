-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_channelId_alertId_key" ON "NotificationDelivery"("channelId", "alertId");

