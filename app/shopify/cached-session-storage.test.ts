import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { describe, expect, it } from "vitest";
import { CachedSessionStorage } from "./cached-session-storage.server";

/** A plain Map-backed storage that counts loads. */
function countingStorage() {
  const rows = new Map<string, Session>();
  const storage: SessionStorage & { loads: number } = {
    loads: 0,
    async storeSession(s) {
      rows.set(s.id, s);
      return true;
    },
    async loadSession(id) {
      storage.loads++;
      return rows.get(id);
    },
    async deleteSession(id) {
      return rows.delete(id);
    },
    async deleteSessions(ids) {
      ids.forEach((id) => rows.delete(id));
      return true;
    },
    async findSessionsByShop(shop) {
      return [...rows.values()].filter((s) => s.shop === shop);
    },
  };
  return storage;
}

const session = (id: string) => new Session({ id, shop: "a.myshopify.com", state: "s", isOnline: false, accessToken: "tok" });

describe("CachedSessionStorage", () => {
  it("serves repeated loads (hits and misses) from memory until the TTL passes", async () => {
    let now = 0;
    const inner = countingStorage();
    const cached = new CachedSessionStorage(inner, 5_000, () => now);
    expect(await cached.loadSession("offline_a")).toBeUndefined();
    expect(await cached.loadSession("offline_a")).toBeUndefined();
    expect(inner.loads).toBe(1);
    await inner.storeSession(session("offline_a")); // written behind the cache's back (another process)
    expect(await cached.loadSession("offline_a")).toBeUndefined();
    now = 5_001;
    expect((await cached.loadSession("offline_a"))?.accessToken).toBe("tok");
    expect(inner.loads).toBe(2);
  });

  it("forgets a session at once when it is stored or deleted through the wrapper", async () => {
    const inner = countingStorage();
    const cached = new CachedSessionStorage(inner, 60_000, () => 0);
    await cached.loadSession("offline_a");
    await cached.storeSession(session("offline_a"));
    expect((await cached.loadSession("offline_a"))?.id).toBe("offline_a");
    await cached.deleteSession("offline_a");
    expect(await cached.loadSession("offline_a")).toBeUndefined();
    await cached.storeSession(session("offline_a"));
    await cached.loadSession("offline_a");
    await cached.deleteSessions(["offline_a"]);
    expect(await cached.loadSession("offline_a")).toBeUndefined();
    expect(inner.loads).toBe(5); // every load after a write went to the storage
  });
});
