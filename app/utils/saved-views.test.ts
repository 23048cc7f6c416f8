import { describe, expect, it } from "vitest";
import { activeView, applyView, normalizeViewQuery, savedViewNameSchema, viewNameKey } from "./saved-views";

const norm = (search: string) => normalizeViewQuery("replenishment", new URLSearchParams(search));

describe("saved views", () => {
  it("stores Replenishment's filters and sort in one canonical form, without page or unknown keys", () => {
    expect(norm("")).toBe("");
    expect(norm("page=3&host=abc&embedded=1")).toBe("");
    // The default sort is no sort: "All lines" either way.
    expect(norm("sort=stockout")).toBe("");
    expect(norm("sort=cover&abc=A&urgency=critical&vendor=v1&location=l1&q=+tent+")).toBe("urgency=critical&vendor=v1&location=l1&abc=A&q=tent&sort=cover");
    expect(norm("urgency=&vendor=v1")).toBe("vendor=v1");
  });

  it("refuses what the Replenishment loader refuses", () => {
    expect(norm("urgency=someday")).toBeNull();
    expect(norm("sort=name")).toBeNull();
    expect(norm("abc=D")).toBeNull();
    expect(norm(`q=${"x".repeat(101)}`)).toBeNull();
    expect(norm("page=0")).toBeNull();
  });

  it("trims names, allows 1 to 60 characters, and compares them whatever their case", () => {
    expect(savedViewNameSchema.parse("  Critical Acme ")).toBe("Critical Acme");
    expect(savedViewNameSchema.safeParse("   ").error?.issues[0].message).toBe("Give the view a name");
    expect(savedViewNameSchema.safeParse("x".repeat(61)).error?.issues[0].message).toBe("A view name can be at most 60 characters");
    expect(savedViewNameSchema.parse("x".repeat(60))).toHaveLength(60);
    expect(viewNameKey(" Critical ACME ")).toBe(viewNameKey("critical acme"));
  });

  it("applies a view by replacing the screen's keys and the page, keeping the admin's own params", () => {
    const current = new URLSearchParams("host=abc&urgency=low&page=4&q=old&view=v0");
    expect(applyView("replenishment", current, { id: "v1", name: "Acme", query: "vendor=acme&sort=cover" })).toBe("host=abc&vendor=acme&sort=cover&view=v1");
    expect(applyView("replenishment", current, null)).toBe("host=abc");
  });

  it("names the view shown, and says modified once its filters change", () => {
    const views = [
      { id: "v1", name: "Critical", query: "urgency=critical" },
      { id: "v2", name: "Acme by cover", query: "vendor=acme&sort=cover" },
    ];
    const at = (search: string) => activeView("replenishment", views, new URLSearchParams(search));
    expect(at("")).toEqual({ view: null, modified: false });
    expect(at("sort=stockout&page=2")).toEqual({ view: null, modified: false });
    expect(at("urgency=critical&view=v1")).toEqual({ view: views[0], modified: false });
    expect(at("urgency=critical&page=3&view=v1")).toEqual({ view: views[0], modified: false });
    expect(at("urgency=critical&abc=A&view=v1")).toEqual({ view: views[0], modified: true });
    // A link or reload without the view param still names the view holding exactly these filters.
    expect(at("sort=cover&vendor=acme")).toEqual({ view: views[1], modified: false });
    expect(at("abc=B")).toEqual({ view: null, modified: true });
    // A deleted view's id: judged by the filters alone.
    expect(at("urgency=critical&view=gone")).toEqual({ view: views[0], modified: false });
  });
});
