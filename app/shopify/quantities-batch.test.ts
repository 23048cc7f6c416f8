import { describe, expect, it } from "vitest";
import { itemsPerQuantitiesRequest, MAX_REQUESTED_QUERY_COST } from "./quantities-batch";

describe("itemsPerQuantitiesRequest", () => {
  it("asks for 50 items when each has one location", () => {
    expect(itemsPerQuantitiesRequest(1)).toBe(50);
  });
  it("asks for fewer items as locations add cost, never above Shopify's single-query limit", () => {
    expect(itemsPerQuantitiesRequest(10)).toBe(13);
    for (const levels of [1, 2, 5, 10, 40, 100]) {
      const items = itemsPerQuantitiesRequest(levels);
      expect(items * (3 + 7 * levels) <= MAX_REQUESTED_QUERY_COST || items === 1).toBe(true);
    }
  });
  it("still asks for one item when a single item's levels are that many", () => {
    expect(itemsPerQuantitiesRequest(250)).toBe(1);
  });
  it("rejects a level count that is not a positive integer", () => {
    expect(() => itemsPerQuantitiesRequest(0)).toThrow(new RangeError("levels must be a positive integer"));
    expect(() => itemsPerQuantitiesRequest(1.5)).toThrow(new RangeError("levels must be a positive integer"));
  });
});
