import { describe, expect, it } from "vitest";
import { mapCatalogGroup, mapLocation, mapOrderGroup, MappingError } from "./mappers";

const order = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-11-01T10:00:00Z",
  processedAt: "2026-10-30T10:00:00Z",
  updatedAt: "2026-11-02T10:00:00Z",
  cancelledAt: null,
  test: false,
  retailLocation: null,
  refunds: [{ id: "gid://shopify/Refund/5", createdAt: "2026-11-02T10:00:00Z" }],
};
const lineItem = (id: number, quantity: number, currentQuantity: number) => ({
  id: `gid://shopify/LineItem/${id}`,
  quantity,
  currentQuantity,
  sku: "A",
  variant: { id: "gid://shopify/ProductVariant/9" },
  originalUnitPriceSet: { shopMoney: { amount: "12.50", currencyCode: "EUR" } },
  __parentId: order.id,
});

describe("mapOrderGroup", () => {
  it("sums refunds per line (refund lines may hang off the order or the refund) and adds them back to currentQuantity", () => {
    const record = mapOrderGroup({
      root: order,
      children: [
        lineItem(11, 5, 2), // 1 removed by an edit, 2 refunded
        lineItem(12, 1, 1),
        { id: "gid://shopify/FulfillmentOrder/3", assignedLocation: { location: { id: "gid://shopify/Location/4" } }, __parentId: order.id },
        { id: null, quantity: 1, restockType: "RETURN", lineItem: { id: "gid://shopify/LineItem/11" }, location: null, __parentId: "gid://shopify/Refund/5" },
        { id: "gid://shopify/RefundLineItem/8", quantity: 1, restockType: "NO_RESTOCK", lineItem: { id: "gid://shopify/LineItem/11" }, location: null, __parentId: order.id },
      ],
    });
    expect(record).toMatchObject({ processedAt: new Date("2026-10-30T10:00:00Z"), retailLocationGid: null, fulfilmentLocationGid: "gid://shopify/Location/4" });
    expect(record.lines).toEqual([
      { lineItemGid: "gid://shopify/LineItem/11", variantGid: "gid://shopify/ProductVariant/9", sku: "A", quantity: 5, currentQuantity: 4, refundedQuantity: 2, unitPrice: "12.50" },
      { lineItemGid: "gid://shopify/LineItem/12", variantGid: "gid://shopify/ProductVariant/9", sku: "A", quantity: 1, currentQuantity: 1, refundedQuantity: 0, unitPrice: "12.50" },
    ]);
  });

  it("names the node and the field when a shape is unexpected", () => {
    expect(() => mapOrderGroup({ root: { ...order, createdAt: "yesterday" }, children: [] })).toThrow(new MappingError("order gid://shopify/Order/1 has an unexpected shape — createdAt: Invalid datetime"));
    expect(() => mapOrderGroup({ root: order, children: [{ id: "gid://shopify/Fulfillment/1", __parentId: order.id }] })).toThrow(/unexpected child line gid:\/\/shopify\/Fulfillment\/1/);
  });
});

describe("mapCatalogGroup / mapLocation", () => {
  it("turns a variant line and its level lines into product, variant and quantities", () => {
    const record = mapCatalogGroup({
      root: {
        id: "gid://shopify/ProductVariant/9",
        title: "Default Title",
        sku: "",
        barcode: null,
        inventoryPolicy: "CONTINUE",
        price: "10.00",
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-02T00:00:00Z",
        product: { id: "gid://shopify/Product/2", title: "Tote", vendor: "", productType: "", status: "ACTIVE", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z" },
        inventoryItem: { id: "gid://shopify/InventoryItem/3", tracked: true, unitCost: { amount: "4.10", currencyCode: "EUR" }, updatedAt: "2026-01-02T00:00:00Z" },
      },
      children: [
        {
          id: "gid://shopify/InventoryLevel/1",
          updatedAt: "2026-01-03T00:00:00Z",
          location: { id: "gid://shopify/Location/4" },
          item: { id: "gid://shopify/InventoryItem/3" },
          quantities: [
            { name: "available", quantity: -2, updatedAt: null },
            { name: "on_hand", quantity: 0, updatedAt: null },
            { name: "committed", quantity: 2, updatedAt: null },
            { name: "reserved", quantity: 1, updatedAt: null },
          ],
        },
      ],
    });
    expect(record.product).toMatchObject({ vendor: null, productType: null, status: "ACTIVE" });
    expect(record.variant).toMatchObject({ sku: null, price: "10.00", unitCost: "4.10", inventoryItemId: "gid://shopify/InventoryItem/3", tracked: true, inventoryPolicy: "CONTINUE" });
    expect(record.levels).toEqual([
      { inventoryItemId: "gid://shopify/InventoryItem/3", locationShopifyId: "gid://shopify/Location/4", available: -2, onHand: 0, committed: 2, incoming: 0, reserved: 1, shopifyUpdatedAt: new Date("2026-01-03T00:00:00Z") },
    ]);
    expect(mapLocation({ id: "gid://shopify/Location/4", name: "Depot", isActive: false, isPrimary: false, updatedAt: null })).toEqual({
      shopifyId: "gid://shopify/Location/4",
      name: "Depot",
      active: false,
      isPrimary: false,
      shopifyUpdatedAt: null,
    });
  });
});
