// Secrets at rest on the database of this run: Shopify's session storage (the app's real one) seals the
// offline access token and the refresh token; the Admin API still gets the plaintext token (Shopify faked
// at the HTTP boundary); rows from before encryption keep working; `resealSecrets` moves every row to the
// current key after a rotation. Channel targets: notifications.test.ts.
import { fakeShop, server } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../factories";
import { saveChannel } from "~/services/notifications/channels.server";
import { findChannel } from "~/models/notifications.server";
import { resealSecrets } from "~/services/reseal-secrets.server";
import { sessionStorage, unauthenticated } from "~/shopify.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { SHOP_INFO } from "~/shopify/queries/shop-info";
import { decryptSecret, keyId, keyringFrom, sealedWith, secretContext } from "~/utils/encryption";
import { appKeyring } from "~/utils/encryption.server";
import { DEMO_ENCRYPTION_KEY } from "~/utils/env.server";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = "shpat_live_0123456789abcdef";
const REFRESH = "shprt_refresh_fedcba9876543210";

function offlineSession(shop: string) {
  return new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    scope: "read_products",
    expires: new Date(Date.now() + 3600_000),
    accessToken: TOKEN,
    refreshToken: REFRESH,
    refreshTokenExpires: new Date(Date.now() + 30 * 86_400_000),
  });
}

const rawSession = (id: string) => prisma.session.findUniqueOrThrow({ where: { id }, select: { accessToken: true, refreshToken: true } });

describe("Shopify sessions at rest", () => {
  it("tests and demo mode use the published demo key", () => {
    expect(appKeyring.currentId).toBe(keyId(Buffer.from(DEMO_ENCRYPTION_KEY, "base64")));
  });

  it("stores the access and refresh tokens sealed, loads them opened, and calls Shopify with the real token", async () => {
    const shop = uniqueShop("sealed");
    const session = offlineSession(shop);
    await sessionStorage.storeSession(session);
    expect(session.accessToken).toBe(TOKEN); // the caller's object is left alone

    const raw = await rawSession(session.id);
    expect(sealedWith(raw.accessToken)).toBe(appKeyring.currentId);
    expect(sealedWith(raw.refreshToken!)).toBe(appKeyring.currentId);
    expect(JSON.stringify(raw)).not.toContain("0123456789abcdef");
    expect(JSON.stringify(raw)).not.toContain("fedcba9876543210");

    const loaded = await sessionStorage.loadSession(session.id);
    expect(loaded).toMatchObject({ accessToken: TOKEN, refreshToken: REFRESH, shop });
    expect((await sessionStorage.findSessionsByShop(shop)).map((s) => s.accessToken)).toEqual([TOKEN]);

    fakeShop(shop, { shop: { name: "Sealed Co", ianaTimezone: "UTC", currencyCode: "USD" } });
    const tokens: (string | null)[] = [];
    const listener = ({ request }: { request: Request }) => void tokens.push(request.headers.get("x-shopify-access-token"));
    server.events.on("request:start", listener);
    try {
      const { admin } = await unauthenticated.admin(shop);
      expect((await createAdminClient(admin).request(SHOP_INFO)).shop.name).toBe("Sealed Co");
    } finally {
      server.events.removeListener("request:start", listener);
    }
    expect(tokens).toEqual([TOKEN]);
  });

  it("a token moved to another shop's row does not open there: that row loads as no session, and a new one replaces it", async () => {
    const [a, b] = [uniqueShop("row-a"), uniqueShop("row-b")];
    await sessionStorage.storeSession(offlineSession(a));
    await prisma.session.create({ data: { id: `offline_${b}`, shop: b, state: "", accessToken: (await rawSession(`offline_${a}`)).accessToken } });
    expect(await sessionStorage.loadSession(`offline_${b}`)).toBeUndefined();
    expect(await sessionStorage.findSessionsByShop(b)).toEqual([]);
    await sessionStorage.storeSession(offlineSession(b)); // what Shopify's token exchange does next
    expect((await sessionStorage.loadSession(`offline_${b}`))?.accessToken).toBe(TOKEN);
  });

  it("reads a plaintext row written before encryption, and seals it when Shopify stores the session again", async () => {
    const shop = uniqueShop("legacy");
    const id = `offline_${shop}`;
    await prisma.session.create({ data: { id, shop, state: "", accessToken: TOKEN, refreshToken: REFRESH } });
    const loaded = await sessionStorage.loadSession(id);
    expect(loaded).toMatchObject({ accessToken: TOKEN, refreshToken: REFRESH });

    await sessionStorage.storeSession(loaded!);
    const raw = await rawSession(id);
    expect(sealedWith(raw.accessToken)).toBe(appKeyring.currentId);
    expect(raw.accessToken).not.toContain(TOKEN);
  });
});

describe("notification targets at rest", () => {
  it("a target no key opens reads as empty (sends fail visibly), and saving a new URL heals it", async () => {
    const [a, b] = [uniqueShop("target-a"), uniqueShop("target-b")];
    for (const shop of [a, b]) await prisma.shop.create({ data: { shop, name: shop } });
    const url = "https://hooks.slack.com/services/T0MOVED/B0MOVED/movedSecret123";
    const input = { kind: "slack" as const, label: null, target: url, minSeverity: "critical" as const, dailyDigest: false, enabled: true };
    const fromA = await saveChannel(a, "tester", input);
    const sealedForA = (await prisma.notificationChannel.findUniqueOrThrow({ where: { id: fromA } })).target;
    const copied = await prisma.notificationChannel.create({ data: { shop: b, kind: "slack", target: sealedForA } });
    expect((await findChannel(b, copied.id))?.target).toBe("");
    await saveChannel(b, "tester", { ...input, target: "https://hooks.slack.com/services/T0NEW/B0NEW/newSecret456" }, copied.id);
    expect((await findChannel(b, copied.id))?.target).toBe("https://hooks.slack.com/services/T0NEW/B0NEW/newSecret456");
  });
});

describe("key rotation: npm run secrets:reencrypt", () => {
  it("reseals plaintext rows and rows of the retired key under the new key; a second run finds nothing", async () => {
    const [sealedShop, plainShop, channelShop] = [uniqueShop("rot-sealed"), uniqueShop("rot-plain"), uniqueShop("rot-channel")];
    await sessionStorage.storeSession(offlineSession(sealedShop));
    await prisma.session.create({ data: { id: `offline_${plainShop}`, shop: plainShop, state: "", accessToken: TOKEN } });
    await prisma.shop.create({ data: { shop: channelShop, name: "Rotation" } });
    const slackUrl = "https://hooks.slack.com/services/T0ROTATE/B0ROTATE/rotationSecret123";
    const channelId = await saveChannel(channelShop, "tester", { kind: "slack", label: null, target: slackUrl, minSeverity: "critical", dailyDigest: false, enabled: true });
    const legacy = await prisma.notificationChannel.create({ data: { shop: channelShop, kind: "email", target: "ops@example.com" } });
    // A token copied into another row opens under no context: reported, left alone, and the run goes on.
    const moved = `offline_${uniqueShop("rot-moved")}`;
    await prisma.session.create({ data: { id: moved, shop: "x.myshopify.com", state: "", accessToken: (await rawSession(`offline_${sealedShop}`)).accessToken } });

    // The operator sets a new STOCKCAST_ENCRYPTION_KEY and moves the old one to STOCKCAST_ENCRYPTION_OLD_KEYS.
    const newKey = crypto.randomBytes(32);
    const rotated = keyringFrom(newKey, [Buffer.from(DEMO_ENCRYPTION_KEY, "base64")]);
    const back = keyringFrom(Buffer.from(DEMO_ENCRYPTION_KEY, "base64"), [newKey]);
    try {
      const first = await resealSecrets(rotated);
      expect(first.unreadable).toEqual([`Session ${moved}`]);
      expect(first.sessions).toBeGreaterThanOrEqual(2);
      expect(first.channels).toBeGreaterThanOrEqual(2);
      const newOnly = keyringFrom(newKey);
      for (const shop of [sealedShop, plainShop]) {
        const raw = await rawSession(`offline_${shop}`);
        expect(sealedWith(raw.accessToken)).toBe(keyId(newKey));
        expect(decryptSecret(raw.accessToken, secretContext.sessionAccessToken(`offline_${shop}`), newOnly)).toBe(TOKEN);
      }
      const refresh = (await rawSession(`offline_${sealedShop}`)).refreshToken!;
      expect(decryptSecret(refresh, secretContext.sessionRefreshToken(`offline_${sealedShop}`), newOnly)).toBe(REFRESH);
      for (const [id, plain] of [[channelId, slackUrl], [legacy.id, "ops@example.com"]] as const) {
        const row = await prisma.notificationChannel.findUniqueOrThrow({ where: { id } });
        expect(sealedWith(row.target)).toBe(keyId(newKey));
        expect(decryptSecret(row.target, secretContext.channelTarget(channelShop), newOnly)).toBe(plain);
      }
      expect(await resealSecrets(rotated)).toEqual({ sessions: 0, channels: 0, skipped: 0, unreadable: [`Session ${moved}`] });
    } finally {
      await prisma.session.delete({ where: { id: moved } });
      // Other test files of this run read with the app's (demo) key: put every row back under it.
      await resealSecrets(back);
    }
    expect((await sessionStorage.loadSession(`offline_${sealedShop}`))?.accessToken).toBe(TOKEN);
    expect((await findChannel(channelShop, channelId))?.target).toBe(slackUrl);
  });
});
