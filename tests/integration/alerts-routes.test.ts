// The Alerts screen's loader and action, and the demo clock route, through Shopify's real session-token auth.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createProduct, createShop, createVariant, createVendor } from "../factories";
import * as alertsRoute from "~/routes/app.alerts";
import * as clockRoute from "~/routes/app.demo-clock";
import { DEMO_CLOCK_COOKIE, demoClockFromCookieHeader, now } from "~/utils/clock.server";
import { APP, callRoute, sessionTokenHeaders, storeAdminSession } from "../setup/admin-request";

async function seedShop(label: string) {
  const store = `al-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await createShop(label, { shop });
  const vendor = await createVendor(shop);
  const product = await createProduct(shop, { vendorId: vendor.id });
  const variant = await createVariant(shop, product.id, 1, { title: "Green" });
  const alert = await prisma.alert.create({
    data: {
      shop, type: "below_reorder_point", severity: "warning", dedupeKey: `below_reorder_point:${variant.id}|l1`, entityType: "variant_location", entityId: `${variant.id}|l1`,
      message: "Tent — Green at Main: 2 units in stock and on order, below the reorder point of 10, and nothing is on order.",
      data: { muteScope: { entityType: "variant", entityId: variant.id } },
    },
  });
  return { store, shop, alert, variant };
}

const headers = (store: string, extra: Record<string, string> = {}) => sessionTokenHeaders(store, "4101", extra);

const post = async (route: typeof alertsRoute | typeof clockRoute, path: string, store: string, fields: [string, string][], extra: Record<string, string> = {}) =>
  callRoute(async () => route.action({ request: new Request(`${APP}${path}`, { method: "POST", headers: await headers(store, extra), body: new URLSearchParams(fields) }), params: {}, context: {} }));

describe("Alerts screen", () => {
  it("lists open alerts with their mute scope; mutes, lists the mute, unmutes — with readable errors", async () => {
    const a = await seedShop("a");
    // By default the screen groups by vendor × location (this stored alert has neither); ?group=none lists alerts.
    const grouped = await callRoute(async () => alertsRoute.loader({ request: new Request(`${APP}/app/alerts`, { headers: await headers(a.store) }), params: {}, context: {} }));
    expect(((await grouped.json()) as { groups: unknown[] }).groups).toMatchObject([{ title: "No vendor · All locations", total: 1, warning: 1 }]);
    const invalid = await callRoute(async () => alertsRoute.loader({ request: new Request(`${APP}/app/alerts?group=vendor`, { headers: await headers(a.store) }), params: {}, context: {} }));
    expect(invalid.status).toBe(400);
    const list = await callRoute(async () => alertsRoute.loader({ request: new Request(`${APP}/app/alerts?group=none`, { headers: await headers(a.store) }), params: {}, context: {} }));
    expect(list.status).toBe(200);
    const body = (await list.json()) as { rows: { id: string; mute: unknown }[]; mutes: unknown[]; demoMode: boolean };
    expect(body.rows).toMatchObject([{ id: a.alert.id, mute: { entityType: "variant", entityId: a.variant.id, label: "this variant" } }]);
    expect(body.demoMode).toBe(false);

    const empty = await post(alertsRoute, "/app/alerts", a.store, [["intent", "mute"]]);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "Select at least one alert", notice: null });

    const muted = await post(alertsRoute, "/app/alerts", a.store, [["intent", "mute"], ["id", a.alert.id]]);
    expect(await muted.json()).toEqual({ error: null, notice: "Muted 1 rule." });
    const mutedList = await callRoute(async () => alertsRoute.loader({ request: new Request(`${APP}/app/alerts?status=muted`, { headers: await headers(a.store) }), params: {}, context: {} }));
    const mutes = ((await mutedList.json()) as { mutes: { id: string; subject: string; createdBy: string }[] }).mutes;
    expect(mutes).toMatchObject([{ subject: "Tent — Green", createdBy: "Staff member" }]);

    const badSnooze = await post(alertsRoute, "/app/alerts", a.store, [["intent", "snooze"], ["id", a.alert.id], ["until", "tomorrow"]]);
    expect(((await badSnooze.json()) as { error: string }).error).toBe("Choose the date the alert should come back");

    const un = await post(alertsRoute, "/app/alerts", a.store, [["intent", "unmute"], ["muteId", mutes[0].id]]);
    expect(un.status).toBe(200);
    const again = await post(alertsRoute, "/app/alerts", a.store, [["intent", "unmute"], ["muteId", mutes[0].id]]);
    expect(again.status).toBe(404);
    expect(await prisma.alertMute.count({ where: { shop: a.shop } })).toBe(0);
  });
});

describe("demo clock", () => {
  it("is refused outside demo mode, and its cookie is ignored there", async () => {
    const a = await seedShop("clock");
    const res = await post(clockRoute, "/app/demo-clock", a.store, [["at", "2027-01-01"]]);
    expect(res.status).toBe(404);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const getRes = await callRoute(async () => clockRoute.loader({ request: new Request(`${APP}/app/demo-clock`, { headers: await headers(a.store) }), params: {}, context: {} }));
    expect(getRes.status).toBe(404);

    const withCookie = new Request(`${APP}/app/alerts`, { headers: { Cookie: `${DEMO_CLOCK_COOKIE}=2027-01-01T12%3A00%3A00.000Z` } });
    const real = new Date("2026-11-23T00:00:00Z");
    expect(now(withCookie, { realNow: real })).toEqual(real);
    expect(now(withCookie, { demoMode: true, realNow: real })).toEqual(new Date("2027-01-01T12:00:00.000Z"));
    expect(demoClockFromCookieHeader(`${DEMO_CLOCK_COOKIE}=not-a-date`)).toBeNull();
  });
});
