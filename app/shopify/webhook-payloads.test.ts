// Fuzz (fast-check): every topic's payload parser, fed anything JSON can hold and valid payloads with parts
// broken, never throws; it accepts or rejects with a short message that names the topic and the bad fields.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutated, samplePayloads } from "../../tests/setup/fuzz";
import { ALL_TOPICS, parseWebhookPayload } from "./webhook-topics";

const samples = samplePayloads();

function expectClearOutcome(topic: (typeof ALL_TOPICS)[number], payload: unknown) {
  const result = parseWebhookPayload(topic, payload);
  if (result.ok) {
    expect(typeof result.data).toBe("object");
    return;
  }
  expect(result.error.startsWith(`${topic} payload rejected — `)).toBe(true);
  const problems = result.error.slice(`${topic} payload rejected — `.length).split("; ");
  expect(problems.length).toBeGreaterThanOrEqual(1);
  expect(problems.length).toBeLessThanOrEqual(5);
  // Each problem is "<path or (payload)>: <message>".
  for (const p of problems) expect(p).toMatch(/^[^:]+: \S/);
}

describe("webhook payload parsers (fuzz)", () => {
  it("accept every sample as is", () => {
    for (const topic of ALL_TOPICS) expect(parseWebhookPayload(topic, samples[topic]), topic).toMatchObject({ ok: true });
  });

  it("never throw on arbitrary JSON, and reject with the topic and the fields", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_TOPICS), fc.jsonValue({ maxDepth: 4 }), (topic, payload) => expectClearOutcome(topic, payload)),
      { numRuns: 300 },
    );
  });

  it("never throw on valid payloads with parts removed or replaced", () => {
    for (const topic of ALL_TOPICS) {
      fc.assert(fc.property(mutated(samples[topic]), (payload) => expectClearOutcome(topic, payload)), { numRuns: 60 });
    }
  });

  it("reject a required field removed or of the wrong type, naming it", () => {
    const order = samples["orders/create"];
    const result = parseWebhookPayload("orders/create", { ...order, created_at: 12 });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("created_at: ") });
    const { line_items: _, ...noLines } = order;
    expect(parseWebhookPayload("orders/create", noLines)).toMatchObject({ ok: false, error: expect.stringContaining("line_items: Required") });
  });
});
