import { describe, expect, it } from "vitest";
import { gidNumber, toGid, toGidOrNull } from "./ids";

describe("toGid", () => {
  it("builds a GID from a safe number or from exact decimal digits", () => {
    expect(toGid("Location", 78412305521)).toBe("gid://shopify/Location/78412305521");
    expect(toGid("ProductVariant", "9007199254740993")).toBe("gid://shopify/ProductVariant/9007199254740993");
  });

  it("keeps a GID of the right type and rejects the wrong one", () => {
    expect(toGid("LineItem", "gid://shopify/LineItem/5")).toBe("gid://shopify/LineItem/5");
    expect(() => toGid("LineItem", "gid://shopify/Order/5")).toThrow("expected a LineItem GID, got gid://shopify/Order/5");
  });

  it("refuses a number that JSON.parse already rounded", () => {
    expect(() => toGid("Order", 2 ** 53 + 2)).toThrow("Order id 9007199254740994 is not an exact integer");
    expect(() => toGid("Order", "12a")).toThrow("expected a numeric Order id, got 12a");
  });

  it("maps null and undefined to null, and orders GIDs numerically", () => {
    expect(toGidOrNull("Location", null)).toBeNull();
    expect(toGidOrNull("Location", undefined)).toBeNull();
    expect(gidNumber("gid://shopify/Location/9007199254740993")).toBe(9007199254740993n);
  });
});
