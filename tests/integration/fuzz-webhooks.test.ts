// Fuzz (fast-check) of webhook intake through the real routes: correctly signed deliveries whose bodies are
// valid payloads with parts broken, arbitrary JSON, or not JSON at all. Properties: the route answers 200
// (400 for a body that is not JSON), never a 500 or an uncaught error; a rejected payload is kept as a failed
// event with a message naming the fields; and applying an accepted event either commits all of it or, when
// it fails, marks the event failed with a message and leaves every other row of the shop as it was.
import crypto from "node:crypto";
import { Prisma } from "@prisma/client";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/index.server";
import { processWebhookEvent } from "~/services/sync/process-webhook.server";
import { parseJsonLossless } from "~/shopify/webhook-request.server";
import { ALL_TOPICS, isSyncTopic, routeForTopic, type WebhookTopic } from "~/shopify/webhook-topics";
import { mutated, samplePayloads } from "../setup/fuzz";
import { signedWebhook } from "../setup/signed-webhook";

const SECRET = "test-api-secret";
const samples = samplePayloads();

afterAll(async () => {
  await getJobQueue().stop();
  globalThis.__stockcastJobQueue = undefined;
});

async function post(topic: WebhookTopic, shop: string, body: { json: unknown } | { raw: string }, webhookId: string): Promise<Response> {
  const route = routeForTopic(topic);
  const mod = (await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`)) as { action: (args: object) => Promise<Response> };
  const request = signedWebhook({
    url: `https://stockcast.example${route}`,
    topic,
    shop,
    body: "json" in body ? body.json : undefined,
    rawBody: "raw" in body ? body.raw : JSON.stringify(body.json) ?? "null",
    secret: SECRET,
    webhookId,
  });
  try {
    return await mod.action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Every shop-scoped row but the webhook events themselves. */
async function shopRows(shop: string) {
  const models = Prisma.dmmf.datamodel.models.filter((m) => !["Session", "WebhookEvent"].includes(m.name) && m.fields.some((f) => f.name === "shop"));
  const out: Record<string, unknown> = {};
  for (const m of models) {
    const delegate = (prisma as unknown as Record<string, { findMany: (args: object) => Promise<unknown[]> }>)[m.name[0].toLowerCase() + m.name.slice(1)];
    // By id, or by every column of a table without one (QuantityRefresh, keyed on shop × item).
    const orderBy = m.fields.some((f) => f.name === "id") ? { id: "asc" } : m.fields.filter((f) => f.kind === "scalar").map((f) => ({ [f.name]: "asc" }));
    out[m.name] = await delegate.findMany({ where: { shop }, orderBy });
  }
  return out;
}

/** A shop that already knows the fixtures' location and product, so order and stock payloads reach real code. */
async function seededShop() {
  const shop = `fuzz-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
  await prisma.shop.create({ data: { shop, name: shop, ianaTimezone: "America/New_York" } });
  for (const topic of ["locations/create", "products/create"] as const) {
    const webhookId = crypto.randomUUID();
    expect((await post(topic, shop, { json: samples[topic] }, webhookId)).status).toBe(200);
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { shop, webhookId } });
    expect(await processWebhookEvent(shop, event.id, { afterApplied: async () => {} })).toBe("processed");
  }
  return shop;
}

const body = (topic: WebhookTopic) =>
  fc.oneof(
    { weight: 6, arbitrary: mutated(samples[topic]).map((json) => ({ json })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((raw) => ({ raw })) },
  );

const isJson = (raw: string) => {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
};

describe("webhook intake (fuzz)", () => {
  it("answers 200 (400 for a body that is not JSON), keeps rejected payloads as failed events with a message, and applies all or nothing", async () => {
    const topicAndBody = fc.constantFrom(...ALL_TOPICS).chain((topic) => body(topic).map((b) => ({ topic, b })));
    await fc.assert(
      fc.asyncProperty(topicAndBody, async ({ topic, b }) => {
        const shop = await seededShop();
        const webhookId = crypto.randomUUID();
        const response = await post(topic, shop, b, webhookId);
        const json = "json" in b || isJson(b.raw);
        expect(response.status).toBe(json ? 200 : 400);
        if (!json || topic === "shop/redact") return;
        const event = await prisma.webhookEvent.findFirst({ where: { shop, webhookId } });
        expect(event).not.toBeNull();
        if (event!.status === "failed") expect(event!.error).toMatch(new RegExp(`^${topic.replace("/", "\\/")} payload rejected — \\S`));
        if (!isSyncTopic(topic) || event!.status !== "received") return;

        const before = await shopRows(shop);
        let thrown: unknown = null;
        const outcome = await processWebhookEvent(shop, event!.id, { afterApplied: async () => {} }).catch((error: unknown) => ((thrown = error), "threw"));
        const after = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event!.id } });
        expect(["processed", "failed", "threw"]).toContain(outcome);
        expect(after.status).toBe(outcome === "processed" ? "processed" : "failed");
        if (after.status === "failed") {
          // A failure is visible in Sync health with its reason, and nothing of it was written.
          expect(after.error?.trim()).toBeTruthy();
          if (thrown) expect(after.error).toBe((thrown as Error).message);
          expect(await shopRows(shop)).toEqual(before);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("reads any JSON losslessly and rejects anything else only with a SyntaxError", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        // As JSON.parse, except that integers beyond 2^53 keep their exact digits as strings.
        const unsafeAsText = (_key: string, v: unknown) => (typeof v === "number" && !Number.isSafeInteger(v) && /^-?\d+$/.test(String(v)) ? String(v) : v);
        expect(parseJsonLossless(text)).toEqual(JSON.parse(text, unsafeAsText));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }), fc.boolean(), (id, negative) => {
        const literal = `${negative ? "-" : ""}${id}`;
        expect(parseJsonLossless(`{"id":${literal},"ids":[${literal}]}`)).toEqual({ id: literal, ids: [literal] });
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          parseJsonLossless(text);
        } catch (error) {
          expect(error).toBeInstanceOf(SyntaxError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
