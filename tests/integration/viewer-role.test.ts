// The viewer role, app-wide: a staff member whose StaffRole is "viewer" posts every intent of every mutating
// admin action through the real route action with a valid session token, and gets 403 with the one message
// while nothing in the shop's data changes. The intents come from the routes' own schemas (ACTION_INTENTS),
// and the route files are scanned for actions, so a new route or intent without a check fails here.
import { fakeStaffAccounts, server } from "../setup/shopify-fake";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createCatalog, createPurchaseOrder, createVariant } from "../factories";
import { shopRows } from "../factories/shop-rows";
import * as alertsRoute from "~/routes/app.alerts";
import * as demoClockRoute from "~/routes/app.demo-clock";
import * as forecastRoute from "~/routes/app.forecasts.$variantId";
import * as poDetailRoute from "~/routes/app.purchase-orders_.$id";
import * as poListRoute from "~/routes/app.purchase-orders";
import * as replenishmentRoute from "~/routes/app.replenishment";
import * as savedViewsRoute from "~/routes/app.saved-views";
import * as planningSettings from "~/routes/app.settings._index/route";
import * as importSettings from "~/routes/app.settings.import/route";
import * as notificationSettings from "~/routes/app.settings.notifications/route";
import * as purchaseOrderSettings from "~/routes/app.settings.purchase-orders/route";
import * as staffSettings from "~/routes/app.settings.staff/route";
import * as syncSettings from "~/routes/app.settings.sync/route";
import * as vendorRoute from "~/routes/app.vendors_.$id";
import { DEMO_STAFF_COOKIE, guardChange, VIEWER_MESSAGE } from "~/services/permissions.server";
import { APP, callRoute, createSignedInShop, postAsStaff, sessionTokenHeaders } from "../setup/admin-request";
import { FORECAST_FORMS, inDays } from "../setup/route-forms";

const OWNER = "9001";
const VIEWER = "9002";
const MANAGER = "9003";
const NO_ROLE = "9004";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function seedShop(label: string) {
  const { shop } = await createSignedInShop(label, { currencyCode: "CAD" });
  // Staff-role changes ask Shopify whether the actor owns the store (token exchange): the viewer does not.
  fakeStaffAccounts(shop, [{ id: Number(VIEWER), first_name: "Vic", last_name: "Viewer", email: "vic@example.com", account_owner: false }]);
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: OWNER, name: "Olive Owner", role: "owner" },
      { shop, staffId: VIEWER, name: "Vic Viewer", role: "viewer" },
      { shop, staffId: MANAGER, name: "Max Manager", role: "manager" },
    ],
  });
  const { vendor, location, product } = await createCatalog(shop);
  const variant = await createVariant(shop, product.id, 1, { title: "Green", sku: "T-G" });
  const po = await createPurchaseOrder(shop, { vendorId: vendor.id, destinationLocationId: location.id, currency: "CAD", createdBy: OWNER, status: "approved" }, [
    { variantId: variant.id, quantityOrdered: 3, unitCost: "19.99" },
  ]);
  const alert = (key: string) =>
    prisma.alert.create({
      data: { shop, type: "below_reorder_point", severity: "warning", dedupeKey: key, entityType: "variant_location", entityId: `${variant.id}|${key}`, message: "Tent — Green is below its reorder point." },
    });
  const alerts = [await alert("a1"), await alert("a2"), await alert("a3")];
  const mute = await prisma.alertMute.create({ data: { shop, ruleType: "overstock", entityType: "variant", entityId: variant.id, createdBy: OWNER } });
  const channel = await prisma.notificationChannel.create({ data: { shop, kind: "email", target: "ops@example.com" } });
  const ownerRow = await prisma.staffRole.findFirstOrThrow({ where: { shop, staffId: OWNER } });
  const view = await prisma.savedView.create({ data: { shop, screen: "replenishment", name: "Critical", nameKey: "critical", query: "urgency=critical", createdBy: OWNER } });
  return { shop, vendor, location, variant, po, alerts, mute, channel, ownerRow, view };
}
type Seeded = Awaited<ReturnType<typeof seedShop>>;

type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type Fields = [string, string][];

interface RouteUnderTest {
  file: string;
  action: Action;
  path: (s: Seeded) => string;
  params: (s: Seeded) => Record<string, string>;
  /** The intents the route's own schema accepts. */
  intents: readonly string[];
  /** A plausible form for each intent: what a manager would post. */
  forms: Record<string, (s: Seeded) => Fields>;
}

/** A route at a fixed path, with no URL params. */
const atPath = (file: string, path: string, route: { action: Action; ACTION_INTENTS: readonly string[] }, forms: RouteUnderTest["forms"]): RouteUnderTest => ({
  file,
  action: route.action,
  path: () => path,
  params: () => ({}),
  intents: route.ACTION_INTENTS,
  forms,
});

const version = (s: Seeded): [string, string] => ["version", String(s.po.version)];

const ROUTES: RouteUnderTest[] = [
  atPath("app.purchase-orders.tsx", "/app/purchase-orders", poListRoute, {
    create_from_plan: () => [["intent", "create_from_plan"], ["lineId", "line-1"]],
    create_from_matching: () => [["intent", "create_from_matching"], ["query", "urgency=critical"]],
    switch_persona: () => [["intent", "switch_persona"], ["staffId", VIEWER]],
  }),
  {
    file: "app.purchase-orders_.$id.tsx",
    action: poDetailRoute.action,
    path: (s) => `/app/purchase-orders/${s.po.id}`,
    params: (s) => ({ id: s.po.id }),
    intents: poDetailRoute.ACTION_INTENTS,
    forms: {
      submit: (s) => [["intent", "submit"], version(s)],
      approve: (s) => [["intent", "approve"], version(s)],
      send: (s) => [["intent", "send"], version(s)],
      close: (s) => [["intent", "close"], version(s)],
      reject: (s) => [["intent", "reject"], version(s), ["reason", "Too many"]],
      cancel: (s) => [["intent", "cancel"], version(s), ["reason", "Not needed"]],
      send_email: (s) => [["intent", "send_email"], version(s), ["to", "orders@acme.example"], ["message", "Hi"]],
      update_lines: (s) => [["intent", "update_lines"], version(s), ["lineId", s.po.lines[0].id], ["quantity", "5"], ["unitCost", "3.50"]],
      add_line: (s) => [["intent", "add_line"], version(s), ["variantId", s.po.lines[0].variantId], ["addQuantity", "2"]],
      update_dates: (s) => [["intent", "update_dates"], version(s), ["expectedDate", "2026-12-20"], ["confirmedEta", "2026-12-24"]],
      close_short: (s) => [["intent", "close_short"], version(s)],
      cancel_remainder: (s) => [["intent", "cancel_remainder"], version(s), ["reason", "No longer needed"]],
      receive: (s) => [["intent", "receive"], version(s), ["idempotencyKey", "receive-key-0001"], ["lineId", s.po.lines[0].id], ["quantity", "1"]],
      retry_push: () => [["intent", "retry_push"], ["receiptId", "receipt-1"]],
      update_charges: (s) => [["intent", "update_charges"], version(s), ["freight", "25"], ["duty", ""], ["other", ""], ["allocation", "value"]],
      switch_persona: () => [["intent", "switch_persona"], ["staffId", VIEWER]],
    },
  },
  atPath("app.replenishment.tsx", "/app/replenishment", replenishmentRoute, {
    plan: () => [["intent", "plan"]],
    edit_quantity: () => [["intent", "edit_quantity"], ["lineId", "line-1"], ["quantity", "12"]],
  }),
  atPath("app.saved-views.tsx", "/app/saved-views", savedViewsRoute, {
    save_view: () => [["intent", "save_view"], ["screen", "replenishment"], ["name", "Mine"], ["query", "urgency=low"]],
    overwrite_view: (s) => [["intent", "overwrite_view"], ["screen", "replenishment"], ["id", s.view.id], ["query", "urgency=low"]],
    rename_view: (s) => [["intent", "rename_view"], ["screen", "replenishment"], ["id", s.view.id], ["name", "Mine"]],
    delete_view: (s) => [["intent", "delete_view"], ["screen", "replenishment"], ["id", s.view.id]],
  }),
  atPath("app.alerts.tsx", "/app/alerts", alertsRoute, {
    acknowledge: (s) => [["intent", "acknowledge"], ["id", s.alerts[0].id]],
    snooze: (s) => [["intent", "snooze"], ["id", s.alerts[0].id], ["until", inDays(7)]],
    mute: (s) => [["intent", "mute"], ["id", s.alerts[0].id]],
    unmute: (s) => [["intent", "unmute"], ["muteId", s.mute.id]],
    create_po: (s) => [["intent", "create_po"], ["vendorId", s.vendor.id], ["locationId", s.location.id]],
  }),
  {
    file: "app.forecasts.$variantId.tsx",
    action: forecastRoute.action,
    path: (s) => `/app/forecasts/${s.variant.id}`,
    params: (s) => ({ variantId: s.variant.id }),
    intents: forecastRoute.ACTION_INTENTS,
    forms: FORECAST_FORMS,
  },
  {
    file: "app.vendors_.$id.tsx",
    action: vendorRoute.action,
    path: (s) => `/app/vendors/${s.vendor.id}`,
    params: (s) => ({ id: s.vendor.id }),
    intents: vendorRoute.ACTION_INTENTS,
    forms: {
      update: (s) => [["intent", "update"], ["updatedAt", s.vendor.updatedAt.toISOString()], ["currency", "CAD"], ["statedLeadTimeDays", "21"], ["moq", "50"]],
      save_vendor_terms: (s) => [["intent", "save_vendor_terms"], ["variantId", s.po.lines[0].variantId], ["vendorSku", "V-1"], ["vendorPrice", "2.40"]],
    },
  },
  // Settings: one nested route per section, each with its own intents.
  atPath("app.settings._index/route.tsx", "/app/settings", planningSettings, {
    "save-settings": () => [
      ["intent", "save-settings"], ["serviceLevelA", "99"], ["serviceLevelB", "95"], ["serviceLevelC", "90"], ["reviewPeriodDays", "7"], ["holdingCostRatePercent", "25"],
      ["orderingCost", "25"], ["forecastHorizonDays", "90"], ["overstockCoverDays", "180"], ["deadStockDays", "90"], ["deadStockMinValue", "100"],
      ["planBudget", "5000"],
    ],
  }),
  atPath("app.settings.sync/route.tsx", "/app/settings/sync", syncSettings, {
    reprocess: () => [["intent", "reprocess"], ["eventId", "event-1"]],
    backfill: () => [["intent", "backfill"]],
  }),
  {
    file: "app.settings.import/route.tsx",
    action: importSettings.action,
    path: () => "/app/settings/import",
    params: () => ({}),
    intents: importSettings.ACTION_INTENTS,
    // Sent as multipart with a file below, as the Import card does.
    forms: { import: () => [["intent", "import"], ["kind", "shopify-orders"]] },
  },
  atPath("app.settings.notifications/route.tsx", "/app/settings/notifications", notificationSettings, {
    "save-channel": () => [["intent", "save-channel"], ["kind", "email"], ["target", "new@example.com"], ["minSeverity", "info"]],
    "delete-channel": (s) => [["intent", "delete-channel"], ["id", s.channel.id]],
    "test-channel": (s) => [["intent", "test-channel"], ["id", s.channel.id]],
  }),
  atPath("app.settings.staff/route.tsx", "/app/settings/staff", staffSettings, {
    "save-staff": () => [["intent", "save-staff"], ["staffId", VIEWER], ["name", "Vic Viewer"], ["role", "owner"]],
    "delete-staff": (s) => [["intent", "delete-staff"], ["id", s.ownerRow.id]],
  }),
  atPath("app.settings.purchase-orders/route.tsx", "/app/settings/purchase-orders", purchaseOrderSettings, {
    "save-approval-rules": () => [["intent", "save-approval-rules"], ["blockSelfApproval", "false"]],
    "save-landed-cost": () => [["intent", "save-landed-cost"], ["landedCostToShopify", "true"]],
  }),
];

/** Intents a viewer may post, and why: they change no shop data. */
const NOT_REFUSED: Record<string, string> = {
  // Only sets the demo role-switcher cookie (and is refused outside demo mode): a viewer must be able to switch back.
  switch_persona: "demo cookie only",
};

/** Staff roles keep their stricter owner-only rule and its message (settings.server.ts). */
const OWNER_MESSAGE = "Only an owner can change staff roles. Ask the shop owner.";
const OWNER_RULED = new Set(["save-staff", "delete-staff"]);

/** Route files whose actions need no role check, and why. */
const EXEMPT_FILES: Record<string, string> = {
  "app.demo-clock.tsx": "demo mode only (404 otherwise); sets this browser's clock cookie, no shop data",
};
const isWebhookOrAuth = (file: string) => /^(webhooks\.|auth\.)/.test(file);

async function post(route: RouteUnderTest, s: Seeded, staffId: string, fields: Fields): Promise<Response> {
  if (fields.some(([k, v]) => k === "intent" && v === "import")) {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    form.append("file", new Blob(["Name,Created at,Lineitem sku,Lineitem quantity\n#1001,2026-11-01 10:00:00 +0000,T-G,2\n"], { type: "text/csv" }), "orders.csv");
    const request = new Request(`${APP}${route.path(s)}`, { method: "POST", headers: await sessionTokenHeaders(s.shop, staffId), body: form });
    return callRoute(() => route.action({ request, params: route.params(s), context: {} }));
  }
  return postAsStaff(route.action, route.path(s), s.shop, staffId, fields, route.params(s));
}

/** Route files under app/routes (a folder route counts as `<folder>/route.tsx`). */
function routeFiles(): string[] {
  const dir = path.resolve("app/routes");
  return readdirSync(dir).flatMap((name) => {
    if (!statSync(path.join(dir, name)).isDirectory()) return [name];
    return readdirSync(path.join(dir, name)).filter((f) => /^route\.tsx?$/.test(f)).map((f) => `${name}/${f}`);
  });
}

describe("viewer role", () => {
  it("covers every route action and every intent the routes accept", () => {
    const withAction = routeFiles().filter((f) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(path.resolve("app/routes", f), "utf8")));
    const walked = ROUTES.map((r) => r.file);
    expect(withAction.filter((f) => !isWebhookOrAuth(f) && !(f in EXEMPT_FILES)).sort()).toEqual([...walked].sort());
    for (const route of ROUTES) {
      expect(route.intents.length, route.file).toBeGreaterThan(0);
      expect(Object.keys(route.forms).sort(), route.file).toEqual([...route.intents].sort());
      // Belt and braces: every `intent: "…"` / z.literal("…") the file mentions is in its schema's list.
      const source = readFileSync(path.resolve("app/routes", route.file), "utf8");
      const mentioned = [...source.matchAll(/intent:\s*z\.literal\("([\w-]+)"\)/g)].map((m) => m[1]);
      for (const intent of mentioned) expect(route.intents, `${route.file}: ${intent}`).toContain(intent);
    }
  });

  it("refuses every intent of every mutating action with 403 and changes nothing", async () => {
    const s = await seedShop("viewer-walk");
    const before = await shopRows(s.shop);
    const walked: string[] = [];
    for (const route of ROUTES) {
      for (const intent of route.intents) {
        const response = await post(route, s, VIEWER, route.forms[intent](s));
        const label = `${route.file} ${intent}`;
        walked.push(label);
        if (intent in NOT_REFUSED) {
          // Outside demo mode the persona switch is refused as a bad request; either way it writes nothing.
          expect.soft(response.status, label).toBe(400);
          continue;
        }
        // Soft: one run lists every intent that lacks the check, not just the first.
        expect.soft(response.status, label).toBe(403);
        const body = response.headers.get("content-type")?.includes("json") ? JSON.stringify(await response.json()) : await response.text();
        expect.soft(body, label).toContain(JSON.stringify(OWNER_RULED.has(intent) ? OWNER_MESSAGE : VIEWER_MESSAGE).slice(1, -1));
      }
    }
    expect(walked).toHaveLength(ROUTES.reduce((n, r) => n + r.intents.length, 0));
    expect(await shopRows(s.shop)).toEqual(before);
    expect(await prisma.auditEntry.count({ where: { shop: s.shop } })).toBe(0);
  });

  it("leaves the demo clock to demo mode: a viewer outside it gets 404 and nothing changes", async () => {
    const s = await seedShop("viewer-clock");
    const before = await shopRows(s.shop);
    const response = await postAsStaff(demoClockRoute.action, "/app/demo-clock", s.shop, VIEWER, { at: "2099-01-01" });
    expect(response.status).toBe(404);
    expect(await shopRows(s.shop)).toEqual(before);
  });

  it("still lets staff without a role row, and managers, change things", async () => {
    const s = await seedShop("viewer-positive");
    const alerts = ROUTES.find((r) => r.file === "app.alerts.tsx")!;
    for (const [staffId, alert] of [[NO_ROLE, s.alerts[1]], [MANAGER, s.alerts[2]]] as const) {
      const response = await post(alerts, s, staffId, [["intent", "acknowledge"], ["id", alert.id]]);
      expect(response.status, staffId).toBe(200);
      expect(await response.json()).toEqual({ error: null, notice: "1 alert acknowledged." });
      expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "acknowledged", acknowledgedBy: staffId });
    }
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: s.alerts[0].id } })).status).toBe("open");
  });

  it("in demo mode judges the persona chosen with the role switcher, not the demo login", async () => {
    const s = await seedShop("viewer-demo");
    const demo = { shop: s.shop, mode: "demo" as const, staffId: "demo-owner" };
    const as = (staffId: string | null) => new Request(`${APP}/app/alerts`, { method: "POST", headers: staffId ? { Cookie: `${DEMO_STAFF_COOKIE}=${staffId}` } : {} });
    expect(await guardChange(demo, as(VIEWER))).toEqual({ actor: { staffId: VIEWER, isOwner: false }, refusal: VIEWER_MESSAGE });
    expect(await guardChange(demo, as(MANAGER))).toEqual({ actor: { staffId: MANAGER, isOwner: false }, refusal: null });
    // No cookie: the shop's owner row acts.
    expect(await guardChange(demo, as(null))).toEqual({ actor: { staffId: OWNER, isOwner: true }, refusal: null });
    // Outside demo mode the cookie is ignored: the session token's staff member acts.
    expect(await guardChange({ ...demo, mode: "shopify", staffId: VIEWER }, as(MANAGER))).toMatchObject({ refusal: VIEWER_MESSAGE });
  });
});
