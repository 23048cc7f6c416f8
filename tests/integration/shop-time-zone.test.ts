// The shop's time zone as a sync stores it: a zone this server's tz database does not know is refused (the
// stored zone keeps counting the days) and Sync health says so; a stored unknown zone counts as UTC.
import { fakeShop, server } from "../setup/shopify-fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createOfflineSession, uniqueShop } from "../factories";
import { runBackfill } from "~/services/backfill.server";
import { getSyncHealth } from "~/services/sync/health.server";
import { syncShopIdentity } from "~/services/sync/shop-identity.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { storeFixture } from "../fixtures/bulk/store";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const UNKNOWN = "Mars/Olympus_Mons";

describe("a time zone the server does not know", () => {
  it("is refused by the install backfill: days count in UTC, orders land on their UTC day, Sync health warns", async () => {
    const shop = uniqueShop("tz-install");
    await createOfflineSession(shop);
    const store = storeFixture();
    fakeShop(shop, { ...store, shop: { ...store.shop, ianaTimezone: UNKNOWN } });
    const { admin } = await unauthenticated.admin(shop);
    const client = createAdminClient(admin, { sleep: async () => {}, random: () => 0.5 });

    await runBackfill(shop, client, { sleep: async () => {}, batchSize: 4, now: () => new Date("2026-11-11T00:00:00Z") });

    expect(await prisma.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({ name: "Fixture Outfitters", currencyCode: "EUR", ianaTimezone: "UTC", refusedTimeZone: UNKNOWN });
    // #1002 was placed at 03:30 UTC on 2 Nov (the evening of 1 Nov in Los Angeles): with the zone refused it is the 2nd.
    expect(await prisma.orderLine.findFirstOrThrow({ where: { shop, lineItemGid: "gid://shopify/LineItem/200" } })).toMatchObject({ localDate: "2026-11-02" });
    const health = await getSyncHealth(shop);
    expect(health.timeZoneWarning).toBe(`Shopify reported the time zone "${UNKNOWN}", which this server does not know, so it was not saved. Local days are still counted in UTC.`);
    expect(health.status).toBe("ok");
  });

  it("keeps the zone stored before, until a sync brings a known zone again", async () => {
    const shop = uniqueShop("tz-resync");
    await prisma.shop.create({ data: { shop, name: "Before", ianaTimezone: "America/Chicago" } });
    expect((await getSyncHealth(shop)).timeZoneWarning).toBeNull();

    expect(await syncShopIdentity(shop, { name: "After", ianaTimezone: UNKNOWN, currencyCode: "CAD" })).toEqual({ refusedTimeZone: UNKNOWN });
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({ name: "After", currencyCode: "CAD", ianaTimezone: "America/Chicago", refusedTimeZone: UNKNOWN });
    expect((await getSyncHealth(shop)).timeZoneWarning).toContain("Local days are still counted in America/Chicago.");

    expect(await syncShopIdentity(shop, { name: "After", ianaTimezone: "Europe/Berlin", currencyCode: "CAD" })).toEqual({ refusedTimeZone: null });
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({ ianaTimezone: "Europe/Berlin", refusedTimeZone: null });
    expect((await getSyncHealth(shop)).timeZoneWarning).toBeNull();
  });

  it("already stored (before syncs refused it) counts as UTC, with a warning", async () => {
    const shop = uniqueShop("tz-stored");
    await prisma.shop.create({ data: { shop, name: "Old row", ianaTimezone: UNKNOWN } });
    expect((await getSyncHealth(shop)).timeZoneWarning).toBe(`The shop's time zone "${UNKNOWN}" is unknown to this server, so local days are counted in UTC.`);
    // Only this shop's row speaks: another shop's refusal does not leak into it.
    const other = uniqueShop("tz-other");
    await prisma.shop.create({ data: { shop: other, name: "Other", ianaTimezone: "UTC", refusedTimeZone: UNKNOWN } });
    expect((await getSyncHealth(shop)).timeZoneWarning).not.toContain("Shopify reported");
    expect((await getSyncHealth(uniqueShop("tz-none"))).timeZoneWarning).toBeNull();
  });

  it("rejects a malformed identity without writing", async () => {
    const shop = uniqueShop("tz-bad");
    await expect(syncShopIdentity(shop, { name: "X", currencyCode: "USD" })).rejects.toThrow();
    expect(await prisma.shop.findUnique({ where: { shop } })).toBeNull();
  });
});
