import { describe, expect, it } from "vitest";
import { explodeBundleDemand } from "./bundles";

describe("explodeBundleDemand", () => {
  it("adds bundle sales times BOM quantity to direct demand", () => {
    const bundle = Object.freeze({ kit: Object.freeze([1, 2]) });
    const bom = Object.freeze([
      Object.freeze({ bundleId: "kit", componentId: "mug", quantity: 2 }),
      Object.freeze({ bundleId: "kit", componentId: "tea", quantity: 1 }),
    ]);
    const direct = Object.freeze({ mug: Object.freeze([3, 0]) });
    expect(explodeBundleDemand(bundle, bom, direct)).toEqual({ mug: [5, 4], tea: [1, 2] });
    expect(direct.mug).toEqual([3, 0]);
  });
  it("rejects inconsistent input", () => {
    expect(() => explodeBundleDemand({ kit: [1] }, [])).toThrow(new RangeError("bundle has no bill of materials: kit"));
    expect(() => explodeBundleDemand({ kit: [1] }, [{ bundleId: "kit", componentId: "mug", quantity: 1 }], { mug: [1, 2] })).toThrow(
      new RangeError("series must all have the same length")
    );
    expect(() =>
      explodeBundleDemand({ kit: [1], box: [1] }, [
        { bundleId: "kit", componentId: "box", quantity: 1 },
        { bundleId: "box", componentId: "mug", quantity: 1 },
      ])
    ).toThrow(new RangeError("nested bundles are not supported: box"));
    expect(() => explodeBundleDemand({ kit: [1] }, [{ bundleId: "kit", componentId: "mug", quantity: 0 }])).toThrow(
      new RangeError("quantity must be a positive finite number")
    );
  });
});
