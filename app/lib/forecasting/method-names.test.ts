import { describe, expect, it } from "vitest";
import { plainMethod } from "./method-names";

describe("plainMethod", () => {
  it("says every method forecastSeries picks in plain words", () => {
    expect(plainMethod("croston-sba(0.05)")).toBe("sells in bursts: how often it sells and how many at a time");
    expect(plainMethod("tsb(0.1,0.05)")).toBe("sells in bursts, fading when sales stop");
    expect(plainMethod("ses(0.1)×yearly")).toBe("recent sales, the latest counting most, with a yearly pattern");
    expect(plainMethod("ma28")).toBe("average of the last 28 days");
    expect(plainMethod("mean(ses(0.1)+ma28)")).toBe("a blend of several methods");
    expect(plainMethod("mean")).toBe("average of all sales so far");
    expect(plainMethod("zero")).toBe("no recent sales");
    expect(plainMethod("analogue")).toBe("new item: follows how similar products sold at launch");
  });
  it("never shows an unknown code", () => {
    expect(plainMethod("arima(1,1,1)")).toBe("statistical forecast");
  });
});
