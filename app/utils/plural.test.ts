import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "unit")).toBe("1 unit");
    expect(plural(0, "unit")).toBe("0 units");
    expect(plural(2, "day")).toBe("2 days");
    expect(plural(1.5, "day")).toBe("1.5 days");
    expect(plural(-1, "unit")).toBe("-1 units");
  });

  it("groups thousands and takes an irregular plural", () => {
    expect(plural(12345, "row")).toBe("12,345 rows");
    expect(plural(3, "box", "boxes")).toBe("3 boxes");
    expect(plural(1, "box", "boxes")).toBe("1 box");
  });
});
