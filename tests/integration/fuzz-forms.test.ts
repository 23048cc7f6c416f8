// Fuzz (fast-check) of every admin form and URL the routes parse with zod, through the real loaders and
// actions with a valid session token (an owner, so every check is passed and the schemas are reached).
// Forms start from what the screen posts, then fields are dropped, duplicated, replaced with odd text or
// joined by strangers; URLs get random filters and ids. Properties: no 500 and no uncaught error; a refused
// request (4xx) says why in words and changes no row of the shop.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createCatalog, createPurchaseOrder, createVariant } from "../factories";
import { shopRows } from "../factories/shop-rows";
import { getJobQueue } from "~/jobs/index.server";
import * as overviewRoute from "~/routes/app._index";
import * as alertsRoute from "~/routes/app.alerts";
import * as forecastRoute from "~/routes/app.forecasts.$variantId";
import * as forecastsRoute from "~/routes/app.forecasts._index";
import * as poListRoute from "~/routes/app.purchase-orders";
import * as poDetailRoute from "~/routes/app.purchase-orders_.$id";
import * as poFileRoute from "~/routes/app.purchase-orders_.$id.$format";
import * as replenishmentRoute from "~/routes/app.replenishment";
import * as savedViewsRoute from "~/routes/app.saved-views";
import * as exportRoute from "~/routes/app.replenishment_.export";
import * as settingsLayout from "~/routes/app.settings/route";
import { SETTINGS_SECTIONS, settingsAction } from "../setup/settings-sections";
import * as vendorsRoute from "~/routes/app.vendors";
import * as vendorRoute from "~/routes/app.vendors_.$id";
import { APP, callRoute, createSignedInShop, sessionTokenHeaders } from "../setup/admin-request";
import { FORECAST_FORMS, inDays } from "../setup/route-forms";

const OWNER = "9001";

afterAll(async () => {
  await getJobQueue().stop();
  globalThis.__stockcastJobQueue = undefined;
});

async function seedShop() {
  const { shop } = await createSignedInShop("fuzz-forms", { currencyCode: "CAD" }, OWNER);
  await prisma.staffRole.create({ data: { shop, staffId: OWNER, name: "Olive Owner", role: "owner" } });
  const { vendor, location, product } = await createCatalog(shop);
  const variant = await createVariant(shop, product.id, 1, { title: "Green", sku: "T-G" });
  const po = await createPurchaseOrder(shop, { vendorId: vendor.id, destinationLocationId: location.id, currency: "CAD", createdBy: OWNER, status: "draft" }, [
    { variantId: variant.id, quantityOrdered: 3, unitCost: "19.99" },
  ]);
  const alert = await prisma.alert.create({
    data: { shop, type: "below_reorder_point", severity: "warning", dedupeKey: "a1", entityType: "variant_location", entityId: `${variant.id}|a1`, message: "Tent — Green is below its reorder point." },
  });
  const mute = await prisma.alertMute.create({ data: { shop, ruleType: "overstock", entityType: "variant", entityId: variant.id, createdBy: OWNER } });
  const channel = await prisma.notificationChannel.create({ data: { shop, kind: "email", target: "ops@example.com" } });
  const staff = await prisma.staffRole.create({ data: { shop, staffId: "9002", name: "Vic Viewer", role: "viewer" } });
  const view = await prisma.savedView.create({ data: { shop, screen: "replenishment", name: "Critical", nameKey: "critical", query: "urgency=critical", createdBy: OWNER } });
  return { shop, vendor, location, variant, po, alert, mute, channel, staff, view };
}
type Seeded = Awaited<ReturnType<typeof seedShop>>;

type Fields = [string, string][];

/**
 * Each action's forms as its screen posts them. Left out, because a valid one reaches a server that is not
 * Shopify (the vendor's mailbox, Slack) or pushes to Shopify: PO send / send_email / receive / retry_push,
 * Settings test-channel; and the multipart import (tests/integration/fuzz-csv-import.test.ts).
 */
const ACTIONS: { name: string; action: (a: ActionFunctionArgs) => Promise<unknown>; path: (s: Seeded) => string; params: (s: Seeded) => Record<string, string>; forms: Record<string, (s: Seeded) => Fields> }[] = [
  {
    name: "purchase orders",
    action: poListRoute.action,
    path: () => "/app/purchase-orders",
    params: () => ({}),
    forms: {
      create_from_plan: () => [["intent", "create_from_plan"], ["lineId", "line-1"]],
      create_from_matching: () => [["intent", "create_from_matching"], ["query", "urgency=critical"]],
      switch_persona: () => [["intent", "switch_persona"], ["staffId", "9002"]],
    },
  },
  {
    name: "purchase order",
    action: poDetailRoute.action,
    path: (s) => `/app/purchase-orders/${s.po.id}`,
    params: (s) => ({ id: s.po.id }),
    forms: {
      submit: (s) => [["intent", "submit"], ["version", String(s.po.version)]],
      approve: (s) => [["intent", "approve"], ["version", String(s.po.version)]],
      close: (s) => [["intent", "close"], ["version", String(s.po.version)]],
      reject: (s) => [["intent", "reject"], ["version", String(s.po.version)], ["reason", "Too many"]],
      cancel: (s) => [["intent", "cancel"], ["version", String(s.po.version)], ["reason", "Not needed"]],
      update_lines: (s) => [["intent", "update_lines"], ["version", String(s.po.version)], ["lineId", s.po.lines[0].id], ["quantity", "5"], ["unitCost", "4.25"]],
      update_dates: (s) => [["intent", "update_dates"], ["version", String(s.po.version)], ["expectedDate", "2026-12-20"], ["confirmedEta", "2026-12-24"]],
      cancel_remainder: (s) => [["intent", "cancel_remainder"], ["version", String(s.po.version)], ["reason", "Not needed"]],
    },
  },
  {
    name: "replenishment",
    action: replenishmentRoute.action,
    path: () => "/app/replenishment",
    params: () => ({}),
    forms: { plan: () => [["intent", "plan"]], edit_quantity: () => [["intent", "edit_quantity"], ["lineId", "line-1"], ["quantity", "12"]] },
  },
  {
    name: "saved views",
    action: savedViewsRoute.action,
    path: () => "/app/saved-views",
    params: () => ({}),
    forms: {
      save_view: () => [["intent", "save_view"], ["screen", "replenishment"], ["name", "Acme by cover"], ["query", "vendor=acme&sort=cover"]],
      overwrite_view: (s) => [["intent", "overwrite_view"], ["screen", "replenishment"], ["id", s.view.id], ["query", "urgency=high"]],
      rename_view: (s) => [["intent", "rename_view"], ["screen", "replenishment"], ["id", s.view.id], ["name", "Urgent"]],
      delete_view: (s) => [["intent", "delete_view"], ["screen", "replenishment"], ["id", s.view.id]],
    },
  },
  {
    name: "alerts",
    action: alertsRoute.action,
    path: () => "/app/alerts",
    params: () => ({}),
    forms: {
      acknowledge: (s) => [["intent", "acknowledge"], ["id", s.alert.id]],
      snooze: (s) => [["intent", "snooze"], ["id", s.alert.id], ["until", inDays(7)]],
      mute: (s) => [["intent", "mute"], ["id", s.alert.id]],
      unmute: (s) => [["intent", "unmute"], ["muteId", s.mute.id]],
    },
  },
  {
    name: "variant",
    action: forecastRoute.action,
    path: (s) => `/app/forecasts/${s.variant.id}`,
    params: (s) => ({ variantId: s.variant.id }),
    forms: FORECAST_FORMS,
  },
  {
    name: "vendor",
    action: vendorRoute.action,
    path: (s) => `/app/vendors/${s.vendor.id}`,
    params: (s) => ({ id: s.vendor.id }),
    forms: { update: (s) => [["intent", "update"], ["updatedAt", s.vendor.updatedAt.toISOString()], ["currency", "CAD"], ["statedLeadTimeDays", "21"], ["moq", "50"]] },
  },
  {
    // Each form goes to the Settings section that handles its intent.
    name: "settings",
    action: settingsAction,
    path: () => "/app/settings",
    params: () => ({}),
    forms: {
      "save-settings": () => [
        ["intent", "save-settings"], ["serviceLevelA", "99"], ["serviceLevelB", "95"], ["serviceLevelC", "90"], ["reviewPeriodDays", "7"], ["holdingCostRatePercent", "25"],
        ["orderingCost", "25"], ["forecastHorizonDays", "90"], ["overstockCoverDays", "180"], ["deadStockDays", "90"], ["deadStockMinValue", "100"],
      ],
      reprocess: () => [["intent", "reprocess"], ["eventId", "event-1"]],
      backfill: () => [["intent", "backfill"]],
      "save-channel": () => [["intent", "save-channel"], ["kind", "email"], ["target", "new@example.com"], ["minSeverity", "info"]],
      "delete-channel": (s) => [["intent", "delete-channel"], ["id", s.channel.id]],
      "save-staff": () => [["intent", "save-staff"], ["staffId", "9003"], ["name", "Max Manager"], ["role", "manager"], ["approvesPurchaseOrders", "true"]],
      "delete-staff": (s) => [["intent", "delete-staff"], ["id", s.staff.id]],
      "save-approval-rules": () => [["intent", "save-approval-rules"], ["blockSelfApproval", "true"]],
    },
  },
];

/** Text that has broken form handling elsewhere: numbers at the edges, dates that are not, markup, huge input. */
const oddText = fc.oneof(
  fc.constantFrom("", " ", "0", "-1", "1.5", "1e309", "NaN", "Infinity", "99999999999999999999", "2026-02-30", "9999-12-31", "0000-00-00", "true", "null", "[]", "{}", "{\"a\":", "<script>", "=1+1", "\u0000", "x".repeat(5000), "😀"),
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const editOf = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ op: "keep" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "drop" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "repeat" as const }) },
  { weight: 3, arbitrary: oddText.map((value) => ({ op: "replace" as const, value })) },
);

/** A form: the screen's, with each field kept, dropped, repeated or replaced, plus up to two strangers. */
function fuzzedForm(base: Fields): fc.Arbitrary<Fields> {
  return fc
    .tuple(fc.array(editOf, { minLength: base.length, maxLength: base.length }), fc.array(fc.tuple(fc.constantFrom("id", "version", "quantity", "intent", "extra", "lineId"), oddText), { maxLength: 2 }))
    .map(([edits, strangers]) => [
      ...base.flatMap(([k, v], i): Fields => {
        const e = edits[i];
        // The intent stays most of the time: it picks the schema under test.
        if (k === "intent" && e.op !== "repeat") return [[k, v]];
        return e.op === "keep" ? [[k, v]] : e.op === "drop" ? [] : e.op === "repeat" ? [[k, v], [k, v]] : [[k, e.value]];
      }),
      ...strangers,
    ]);
}

/** The refusal's words: JSON messages (fieldErrors, message, error) or the text body. */
async function reasonOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const words = [body.message, body.error, ...Object.values((body.fieldErrors as Record<string, string>) ?? {})].filter((w): w is string => typeof w === "string");
    return words.join(" ");
  } catch {
    return text;
  }
}

/** zod's built-in messages (what a schema says when nobody wrote one for the merchant). */
const ZOD_DEFAULTS = /\b(Required|Invalid input|Expected [\w' |]+, received \w+|String must contain|Array must contain|Number must be|Invalid discriminator value|Invalid enum value|Invalid literal value|Invalid date|Invalid datetime|Invalid email|Invalid string|Invalid type|Expected (number|string|array|object)\b)/;

function expectClearRefusal(reason: string, label: string) {
  expect(reason.trim().length, label).toBeGreaterThan(3);
  // zod's own defaults say nothing to a merchant.
  expect(reason, label).not.toMatch(ZOD_DEFAULTS);
}

describe("forms and URLs (fuzz)", () => {
  it("no action answers 500, and a refused form says why and changes nothing", async () => {
    const s = await seedShop();
    const headers = await sessionTokenHeaders(s.shop, OWNER);
    const cases = ACTIONS.flatMap((route) => Object.entries(route.forms).map(([intent, form]) => ({ route, intent, form })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases).chain((c) => fuzzedForm(c.form(s)).map((fields) => ({ ...c, fields }))), async ({ route, intent, fields }) => {
        const label = `${route.name} ${intent} ${JSON.stringify(fields).slice(0, 300)}`;
        const before = await shopRows(s.shop, ["ActionLease"]);
        const request = new Request(`${APP}${route.path(s)}`, { method: "POST", headers, body: new URLSearchParams(fields) });
        const response = await callRoute(() => route.action({ request, params: route.params(s), context: {} }));
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400 && response.status !== 429) {
          expectClearRefusal(await reasonOf(response), label);
          expect(await shopRows(s.shop, ["ActionLease"]), label).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("no loader answers 500 to odd filters or ids", async () => {
    const s = await seedShop();
    const headers = await sessionTokenHeaders(s.shop, OWNER);
    const loaders: { name: string; loader: (a: LoaderFunctionArgs) => Promise<unknown>; path: string; params: Record<string, string> }[] = [
      { name: "overview", loader: overviewRoute.loader, path: "/app", params: {} },
      { name: "alerts", loader: alertsRoute.loader, path: "/app/alerts", params: {} },
      { name: "forecasts", loader: forecastsRoute.loader, path: "/app/forecasts", params: {} },
      { name: "purchase orders", loader: poListRoute.loader, path: "/app/purchase-orders", params: {} },
      { name: "replenishment", loader: replenishmentRoute.loader, path: "/app/replenishment", params: {} },
      { name: "replenishment export", loader: exportRoute.loader, path: "/app/replenishment/export", params: {} },
      { name: "vendors", loader: vendorsRoute.loader, path: "/app/vendors", params: {} },
      { name: "settings", loader: settingsLayout.loader, path: "/app/settings", params: {} },
      ...SETTINGS_SECTIONS.map((s) => ({ name: `settings ${s.path}`, loader: s.route.loader, path: s.path, params: {} })),
      { name: "variant", loader: forecastRoute.loader, path: `/app/forecasts/${s.variant.id}`, params: { variantId: s.variant.id } },
      { name: "purchase order", loader: poDetailRoute.loader, path: `/app/purchase-orders/${s.po.id}`, params: { id: s.po.id } },
      { name: "purchase order file", loader: poFileRoute.loader, path: `/app/purchase-orders/${s.po.id}/csv`, params: { id: s.po.id, format: "csv" } },
      { name: "vendor", loader: vendorRoute.loader, path: `/app/vendors/${s.vendor.id}`, params: { id: s.vendor.id } },
    ];
    const KEYS = ["range", "from", "to", "location", "status", "severity", "type", "class", "q", "page", "vendor", "until", "urgency", "abc", "sort", "intent"];
    const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), oddText), { maxLength: 4 });
    const params = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(oddText, fc.constantFrom("csv", "pdf", "xlsx", "")) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...loaders), query, params, async (route, search, odd) => {
        const url = new URL(`${APP}${route.path}`);
        for (const [k, v] of search) url.searchParams.append(k, v);
        const routeParams = odd && Object.keys(route.params).length ? Object.fromEntries(Object.keys(route.params).map((k) => [k, k === "format" ? odd[1] : odd[0]])) : route.params;
        const label = `${route.name} ${url.search} ${JSON.stringify(routeParams).slice(0, 200)}`;
        const response = await callRoute(() => route.loader({ request: new Request(url, { headers }), params: routeParams, context: {} }));
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400 && response.status !== 429) expect((await response.clone().text()).trim().length, label).toBeGreaterThan(3);
      }),
      { numRuns: 60 },
    );
  });
});

