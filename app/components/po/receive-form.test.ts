import { describe, expect, it } from "vitest";
import { overReceivedLines, receiveDefaults } from "./receive-form";

describe("receive form helpers", () => {
  const lines = [
    { id: "a", product: "Tent", variant: "Green", sku: null, quantityOrdered: 10, quantityReceived: 4 },
    { id: "b", product: "Tent", variant: "Blue", sku: null, quantityOrdered: 3, quantityReceived: 5 },
  ];

  it("defaults each line to what is outstanding, never below zero", () => {
    expect(receiveDefaults(lines)).toEqual({ a: "6", b: "0" });
  });

  it("flags lines the entered quantities take past what was ordered", () => {
    expect(overReceivedLines(lines, { a: "6", b: "0" })).toEqual([]);
    expect(overReceivedLines(lines, { a: "7", b: "1" })).toEqual([
      { line: lines[0], receiving: 7, after: 11, excess: 1 },
      { line: lines[1], receiving: 1, after: 6, excess: 1 },
    ]);
    expect(overReceivedLines(lines, { a: "x", b: "" })).toEqual([]);
  });
});
