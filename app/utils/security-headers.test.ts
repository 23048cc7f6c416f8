import { describe, expect, it } from "vitest";
import { addSecurityHeaders } from "./security-headers";

describe("addSecurityHeaders", () => {
  it("forbids framing a document that names no shop, and sniffing any", () => {
    const headers = new Headers();
    addSecurityHeaders(headers);
    expect(Object.fromEntries(headers)).toEqual({
      "content-security-policy": "frame-ancestors 'none';",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "strict-transport-security": "max-age=31536000; includeSubDomains",
    });
  });

  it("keeps the frame-ancestors Shopify's helper set for an embedded shop, without X-Frame-Options", () => {
    const csp = "frame-ancestors https://a.myshopify.com https://admin.shopify.com;";
    const headers = new Headers({ "Content-Security-Policy": csp });
    addSecurityHeaders(headers);
    expect(headers.get("Content-Security-Policy")).toBe(csp);
    expect(headers.has("X-Frame-Options")).toBe(false);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
