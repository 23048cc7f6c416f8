import { describe, expect, it } from "vitest";
import { figureText, notEnoughData, percent, PRICE_COMPARISONS } from "./scorecard-text";

describe("scorecard text", () => {
  it("shows each figure with its sample size, or says there is not enough data", () => {
    expect(figureText(0.957, 8, percent)).toBe("96% (8 deliveries)");
    expect(figureText(null, 2, percent)).toBe("Not enough data yet (2 deliveries)");
    expect(figureText(null, 1, percent)).toBe("Not enough data yet (1 delivery)");
    expect(notEnoughData(0)).toBe("No deliveries yet");
    expect(figureText(0.05, 12, percent, PRICE_COMPARISONS)).toBe("5% (12 price comparisons)");
  });
});
