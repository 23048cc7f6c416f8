import { describe, expect, it } from "vitest";
import { adminParamsProblem } from "./admin-params";

const problem = (query: string) => adminParamsProblem(new URL(`https://stockcast.example/app?${query}`));
const b64 = (s: string) => Buffer.from(s).toString("base64").replace(/=+$/, "");

describe("admin auth parameters", () => {
  it("accepts what Shopify sends, and their absence", () => {
    expect(problem("")).toBeNull();
    expect(problem(`shop=tents-r-us.myshopify.com&host=${b64("admin.shopify.com/store/tents-r-us")}&embedded=1`)).toBeNull();
    expect(problem("shop=admin.shopify.com/store/tents-r-us")).toBeNull();
    expect(problem("exitIframe=%2Fapp%3Fshop%3Dx")).toBeNull();
    expect(problem("exitIframe=https%3A%2F%2Fadmin.shopify.com%2Fstore%2Fx")).toBeNull();
    expect(problem("host=not-base64!")).toBeNull(); // the library ignores it itself
  });

  it("names what is malformed", () => {
    expect(problem("shop=evil.example.com")).toBe("shop must be a shop domain like example.myshopify.com");
    expect(problem("shop=%E0%A4%A")).toBe("shop must be a shop domain like example.myshopify.com");
    expect(problem(`host=${b64("not a host")}`)).toBe("host must be the base64 admin host Shopify sends");
    expect(problem("exitIframe=%2F%2Fevil.example")).toBe("exitIframe must be a path of this app or an https URL");
    expect(problem("exitIframe=javascript%3Aalert(1)")).toBe("exitIframe must be a path of this app or an https URL");
    expect(problem(`shop=x&host=${b64("a b")}`)).toBe("shop must be a shop domain like example.myshopify.com; host must be the base64 admin host Shopify sends");
  });
});
