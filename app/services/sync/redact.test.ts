import { describe, expect, it } from "vitest";
import { redactCustomerFields } from "./redact";

describe("redactCustomerFields", () => {
  it("drops customer fields at any depth and keeps what demand needs", () => {
    const order = {
      name: "#1001",
      email: "a@example.com",
      customer: { id: 1, email: "a@example.com" },
      shipping_address: { address1: "1 Main St" },
      line_items: [{ admin_graphql_api_id: "gid://shopify/LineItem/1", quantity: 2, note: "gift" }],
      refunds: [{ note: "changed mind", refund_line_items: [{ quantity: 1 }] }],
    };
    expect(redactCustomerFields(order)).toEqual({
      name: "#1001",
      line_items: [{ admin_graphql_api_id: "gid://shopify/LineItem/1", quantity: 2 }],
      refunds: [{ refund_line_items: [{ quantity: 1 }] }],
    });
    expect(order.customer.email).toBe("a@example.com"); // input untouched
  });
});
