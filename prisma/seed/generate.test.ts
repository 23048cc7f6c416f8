import { beforeAll, describe, expect, it } from "vitest";
import { addDays, daysBetween, localDate } from "../../app/lib/time";
import { dayOfWeek } from "./dates";
import { demandKey, demoBundles, deriveDemandDays, toMills } from "./derive";
import {
  DEMO_SHOP_DOMAIN,
  DEMO_TIMEZONE,
  generateDemoShop,
  HISTORY_DAYS,
  ORDER_LINE_DAYS,
  SNAPSHOT_DAYS,
  type DemoData,
} from "./generate";

const TODAY = "2026-11-23";
let data: DemoData;

beforeAll(() => {
  data = generateDemoShop({ today: TODAY, seed: 7 });
});

const tables = (d: DemoData) => Object.entries(d).map(([name, rows]) => [name, Array.isArray(rows) ? rows : [rows]] as const);

describe("determinism", () => {
  it("gives identical rows for the same seed and today", () => {
    const again = generateDemoShop({ today: TODAY, seed: 7 });
    const before = tables(data);
    const after = tables(again);
    expect(after.map(([name]) => name)).toEqual(before.map(([name]) => name));
    before.forEach(([name, rows], i) => expect(JSON.stringify(after[i][1]), name).toBe(JSON.stringify(rows)));
  });

  it("changes with the seed and shifts with today", () => {
    const other = generateDemoShop({ today: TODAY, seed: 8 });
    expect(JSON.stringify(other.demandDays)).not.toBe(JSON.stringify(data.demandDays));
    const later = generateDemoShop({ today: "2027-03-01", seed: 7 });
    expect(later.demandDays.reduce((m, r) => (r.date > m ? r.date : m), "")).toBe("2027-02-28");
  });

  it("rejects a malformed today", () => {
    expect(() => generateDemoShop({ today: "2026-13-01" })).toThrow(RangeError);
  });
});

describe("demo shop contents", () => {
  it("is the demo shop and every row carries it", () => {
    expect(data.shop).toMatchObject({
      shop: DEMO_SHOP_DOMAIN,
      isDemo: true,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
    });
    for (const [name, rows] of tables(data)) {
      expect(rows.filter((row) => (row as { shop: string }).shop !== DEMO_SHOP_DOMAIN).length, name).toBe(0);
    }
  });

  it("has unique ids per table", () => {
    for (const [name, rows] of tables(data)) {
      const ids = new Set(rows.map((r) => (r as { id?: string }).id));
      expect(ids.size, name).toBe(rows.length);
    }
  });

  it("meets the catalogue minimums", () => {
    expect(data.variants.length).toBeGreaterThanOrEqual(300);
    expect(data.products.length).toBeGreaterThanOrEqual(120);
    expect(data.locations.map((l) => l.name)).toEqual(["Brooklyn Warehouse", "Portland Store", "Austin Store"]);
    for (const l of data.locations) expect(l.shopifyId).toMatch(/^gid:\/\/shopify\/Location\/\d+$/);
    for (const p of data.products) expect(p.shopifyId).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    for (const v of data.variants) {
      expect(v.shopifyId).toMatch(/^gid:\/\/shopify\/ProductVariant\/\d+$/);
      expect(v.price).toMatch(/^\d+\.\d{2}$/);
      if (v.tracked) {
        expect(v.unitCost).toMatch(/^\d+\.\d{2}$/);
        expect(Number(v.unitCost)).toBeLessThan(Number(v.price));
        expect(v.barcode).toMatch(/^\d{12}$/);
      }
    }
    expect(new Set(data.variants.map((v) => v.sku)).size).toBe(data.variants.length);
  });

  it("has at least six vendors with distinct lead times, MOQs and example.com contacts", () => {
    expect(data.vendors.length).toBeGreaterThanOrEqual(6);
    const leads = data.vendors.map((v) => v.statedLeadTimeDays!);
    expect(new Set(leads).size).toBeGreaterThanOrEqual(6);
    expect(Math.min(...leads)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...leads)).toBeLessThanOrEqual(45);
    for (const v of data.vendors) expect(v.email).toMatch(/@example\.com$/);
    expect(data.vendors.filter((v) => v.moq !== null).length).toBeGreaterThanOrEqual(5);
  });

  it("covers two years of demand ending yesterday, in the target volume", () => {
    const dates = data.demandDays.map((d) => d.date).sort();
    expect(dates[0] >= addDays(TODAY, -HISTORY_DAYS)).toBe(true);
    expect(daysBetween(dates[0], TODAY)).toBeGreaterThan(HISTORY_DAYS - 5);
    expect(dates[dates.length - 1]).toBe(addDays(TODAY, -1));
    expect(data.demandDays.length).toBeGreaterThanOrEqual(150_000);
    expect(data.demandDays.length).toBeLessThanOrEqual(400_000);
    const keys = new Set(data.demandDays.map((d) => demandKey(d.variantId, d.locationId, d.date)));
    expect(keys.size).toBe(data.demandDays.length);
  });

  it("has order lines only in the last ORDER_LINE_DAYS days, with local dates in the shop's zone", () => {
    const start = addDays(TODAY, -ORDER_LINE_DAYS);
    expect(data.orderLines.length).toBeGreaterThan(10_000);
    const bad = data.orderLines.filter(
      (l) =>
        !(l.localDate >= start && l.localDate < TODAY) ||
        l.quantity !== l.currentQuantity ||
        l.refundedQuantity > l.currentQuantity ||
        l.refundedQuantity < 0 ||
        !/^gid:\/\/shopify\/Order\/\d+$/.test(l.orderGid) ||
        !/^gid:\/\/shopify\/LineItem\/\d+$/.test(l.lineItemGid) ||
        l.variantGid === null ||
        l.locationGid === null,
    );
    expect(bad).toEqual([]);
    for (const l of data.orderLines.filter((_, i) => i % 97 === 0)) {
      expect(localDate(l.orderCreatedAt, DEMO_TIMEZONE)).toBe(l.localDate);
    }
    expect(data.orderLines.some((l) => l.refundedQuantity > 0)).toBe(true);
    const cancelledOrders = new Set(data.orderLines.filter((l) => l.cancelledAt).map((l) => l.orderGid));
    expect(cancelledOrders.size).toBeGreaterThan(5);
    // A cancelled order is cancelled on every line.
    expect(data.orderLines.filter((l) => cancelledOrders.has(l.orderGid) && l.cancelledAt === null)).toEqual([]);
    expect(new Set(data.orderLines.map((l) => l.lineItemGid)).size).toBe(data.orderLines.length);
  });

  it("derives DemandDay from OrderLine exactly where both exist", () => {
    const start = addDays(TODAY, -ORDER_LINE_DAYS);
    const prices = new Map(data.variants.map((v) => [v.id, v.price]));
    const bundles = demoBundles(data.bundleComponents, (id) => prices.get(id)!);
    const derived = deriveDemandDays(data.orderLines, bundles);
    const window = data.demandDays.filter((d) => d.date >= start);
    // Kits sell as their components: no demand day of their own, their units on the components' days.
    const kits = new Set(data.bundleComponents.map((b) => b.bundleVariantId));
    expect(data.demandDays.filter((d) => kits.has(d.variantId))).toEqual([]);
    expect(data.orderLines.some((l) => l.variantId !== null && kits.has(l.variantId))).toBe(true);
    expect(derived.size).toBeLessThan(deriveDemandDays(data.orderLines).size);
    expect(window.length).toBe(derived.size);
    const mismatched = window.filter((d) => {
      const x = derived.get(demandKey(d.variantId, d.locationId, d.date));
      return !x || x.units !== d.units || x.orders !== d.orders || x.revenueMills !== toMills(d.revenue);
    });
    expect(mismatched).toEqual([]);
  });

  it("has new, discontinued and fading products", () => {
    const soldSince = (variantIds: Set<string>, since: string) =>
      data.demandDays.some((d) => variantIds.has(d.variantId) && d.date >= since && d.units > 0);
    const archived = data.products.filter((p) => p.status === "ARCHIVED");
    expect(archived.length).toBeGreaterThanOrEqual(3);
    for (const p of archived) {
      const vs = data.variants.filter((v) => v.productId === p.id);
      for (const v of vs) expect(v.doNotReorder).toBe(true);
      expect(soldSince(new Set(vs.map((v) => v.id)), addDays(TODAY, -90))).toBe(false);
      expect(soldSince(new Set(vs.map((v) => v.id)), addDays(TODAY, -HISTORY_DAYS))).toBe(true);
    }
    const recent = data.products.filter(
      (p) => p.status === "ACTIVE" && daysBetween(localDate(p.shopifyCreatedAt as Date, DEMO_TIMEZONE), TODAY) <= 60,
    );
    expect(recent.length).toBeGreaterThanOrEqual(3);
    for (const p of recent) {
      const vs = new Set(data.variants.filter((v) => v.productId === p.id).map((v) => v.id));
      const first = data.demandDays.filter((d) => vs.has(d.variantId)).map((d) => d.date).sort()[0];
      expect(daysBetween(first, TODAY)).toBeLessThanOrEqual(60);
      expect(daysBetween(first, TODAY)).toBeGreaterThanOrEqual(25);
    }
  });

  it("has smooth, intermittent and lumpy series (Syntetos–Boylan ADI / CV²)", () => {
    const bySeries = new Map<string, number[]>();
    const start = addDays(TODAY, -365);
    for (const d of data.demandDays) {
      if (d.date < start || d.units <= 0) continue;
      const k = `${d.variantId}|${d.locationId}`;
      const list = bySeries.get(k) ?? [];
      list.push(d.units);
      bySeries.set(k, list);
    }
    let smooth = 0;
    let intermittent = 0;
    let lumpy = 0;
    for (const sizes of bySeries.values()) {
      if (sizes.length < 4) continue;
      const adi = 365 / sizes.length;
      const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
      const cv2 = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length / mean ** 2;
      if (adi < 1.32 && cv2 < 0.49) smooth++;
      else if (adi >= 1.32 && cv2 < 0.49) intermittent++;
      else if (adi >= 1.32 && cv2 >= 0.49) lumpy++;
    }
    // (Kits sell as their components: the kit bursts on a component's days leave a few of them erratic.)
    expect(smooth).toBeGreaterThanOrEqual(45);
    expect(intermittent).toBeGreaterThan(50);
    expect(lumpy).toBeGreaterThan(3);
  });

  it("peaks at weekends in stores", () => {
    const store = data.locations[1].id;
    const byDow = new Array(7).fill(0);
    for (const d of data.demandDays) if (d.locationId === store) byDow[dayOfWeek(d.date)] += d.units;
    const weekend = (byDow[0] + byDow[6]) / 2;
    const midweek = (byDow[1] + byDow[2] + byDow[3]) / 3;
    expect(weekend).toBeGreaterThan(1.5 * midweek);
  });

  it("shows winter items peaking in winter and summer items in summer", () => {
    const units = (match: (p: DemoData["products"][number]) => boolean, month: string) => {
      const products = new Set(data.products.filter(match).map((p) => p.id));
      const vs = new Set(data.variants.filter((v) => products.has(v.productId)).map((v) => v.id));
      return data.demandDays.filter((d) => vs.has(d.variantId) && d.date.slice(5, 7) === month).reduce((a, d) => a + d.units, 0);
    };
    const winter = (p: DemoData["products"][number]) => /Parka|Down Jacket|Beanie|Gloves/.test(p.title);
    expect(units(winter, "12")).toBeGreaterThan(4 * units(winter, "07"));
    const camping = (p: DemoData["products"][number]) => p.productType === "Camping";
    expect(units(camping, "07")).toBeGreaterThan(2 * units(camping, "01"));
  });

  it("records stockouts as snapshots with no sales on those days", () => {
    const stockedOut = data.inventorySnapshots.filter((s) => s.stockedOut);
    expect(stockedOut.length).toBeGreaterThan(500);
    expect(stockedOut.some((s) => s.date < addDays(TODAY, -365))).toBe(true);
    const sales = new Set(data.demandDays.map((d) => demandKey(d.variantId, d.locationId, d.date)));
    const lineDays = new Set(data.orderLines.map((l) => demandKey(l.variantId, l.locationId, l.localDate)));
    const key = (s: (typeof stockedOut)[number]) => demandKey(s.variantId, s.locationId, s.date);
    expect(stockedOut.filter((s) => s.available !== 0 || sales.has(key(s)) || lineDays.has(key(s)))).toEqual([]);
    expect(data.inventorySnapshots.filter((s) => s.stockedOut !== (s.available === 0))).toEqual([]);
    // Daily snapshots for every stocked series over the last SNAPSHOT_DAYS days.
    const yesterday = addDays(TODAY, -1);
    const levelKeys = new Set(data.inventoryLevels.map((l) => `${l.variantId}|${l.locationId}`));
    const snappedYesterday = new Set(data.inventorySnapshots.filter((s) => s.date === yesterday).map((s) => `${s.variantId}|${s.locationId}`));
    expect(snappedYesterday).toEqual(levelKeys);
    expect(data.inventorySnapshots.every((s) => s.date < TODAY)).toBe(true);
    expect(SNAPSHOT_DAYS).toBeGreaterThanOrEqual(28);
  });

  it("has current inventory that is sometimes zero, critically low or overstocked", () => {
    const levels = data.inventoryLevels;
    expect(levels.length).toBeGreaterThan(600);
    for (const l of levels) {
      expect(l.onHand).toBe(l.available + l.committed);
      expect(l.available).toBeGreaterThanOrEqual(0);
    }
    expect(levels.filter((l) => l.available === 0).length).toBeGreaterThan(10);
    const yesterday = addDays(TODAY, -1);
    const lastWeek = new Map<string, number>();
    for (const d of data.demandDays) {
      if (daysBetween(d.date, yesterday) < 28) {
        const k = `${d.variantId}|${d.locationId}`;
        lastWeek.set(k, (lastWeek.get(k) ?? 0) + d.units);
      }
    }
    const cover = levels
      .map((l) => ({ l, daily: (lastWeek.get(`${l.variantId}|${l.locationId}`) ?? 0) / 28 }))
      .filter((x) => x.daily >= 0.5)
      .map((x) => x.l.available / x.daily);
    expect(cover.filter((c) => c > 0 && c < 5).length).toBeGreaterThan(10);
    expect(cover.filter((c) => c > 150).length).toBeGreaterThan(10);
  });

  it("has staff roles, bundles and open and historical purchase orders", () => {
    expect(data.staffRoles.map((s) => [s.name, s.role])).toEqual([
      ["Alex Owner", "owner"],
      ["Jordan Ops", "approver"],
      ["Casey Park", "viewer"],
    ]);
    expect(data.bundleComponents.length).toBeGreaterThanOrEqual(2);
    const variantIds = new Set(data.variants.map((v) => v.id));
    for (const b of data.bundleComponents) {
      expect(variantIds.has(b.bundleVariantId)).toBe(true);
      expect(variantIds.has(b.componentVariantId)).toBe(true);
    }
    const statuses = data.purchaseOrders.map((p) => p.status);
    for (const s of ["draft", "pending_approval", "approved", "sent", "partially_received"]) expect(statuses).toContain(s);
    const done = data.purchaseOrders.filter((p) => p.status === "received" || p.status === "closed");
    expect(done.length).toBeGreaterThanOrEqual(35);
    const withReceipts = new Set(data.receipts.map((r) => r.purchaseOrderId));
    for (const p of done) expect(withReceipts.has(p.id)).toBe(true);
    for (const r of data.receipts) expect(r.receivedAt.getTime()).toBeLessThan(Date.parse(`${TODAY}T00:00:00Z`));
    expect(data.auditEntries.length).toBeGreaterThan(10);
    const linesPerPo = new Map<string, number>();
    for (const l of data.purchaseOrderLines) linesPerPo.set(l.purchaseOrderId, (linesPerPo.get(l.purchaseOrderId) ?? 0) + 1);
    expect(data.purchaseOrders.filter((p) => !linesPerPo.get(p.id))).toEqual([]);
    const vendorsWithReceipts = new Map<string, number>();
    for (const p of done) vendorsWithReceipts.set(p.vendorId, (vendorsWithReceipts.get(p.vendorId) ?? 0) + 1);
    for (const v of data.vendors) expect(vendorsWithReceipts.get(v.id) ?? 0, v.name).toBeGreaterThanOrEqual(3);
    // Lines' received quantities equal the sum of their receipt lines.
    const receivedByLine = new Map<string, number>();
    for (const rl of data.receiptLines) receivedByLine.set(rl.purchaseOrderLineId, (receivedByLine.get(rl.purchaseOrderLineId) ?? 0) + rl.quantity);
    for (const l of data.purchaseOrderLines) expect(l.quantityReceived).toBe(receivedByLine.get(l.id) ?? 0);
  });

  it("shows vendor reliability in receipt history", () => {
    const vendorOf = new Map(data.purchaseOrders.map((p) => [p.id, p]));
    const onTime = new Map<string, { ok: number; n: number }>();
    const firstReceipt = new Map<string, Date>();
    for (const r of data.receipts) if (!firstReceipt.has(r.purchaseOrderId)) firstReceipt.set(r.purchaseOrderId, r.receivedAt);
    for (const [poId, receivedAt] of firstReceipt) {
      const po = vendorOf.get(poId)!;
      const s = onTime.get(po.vendorId) ?? { ok: 0, n: 0 };
      s.n++;
      if (localDate(receivedAt, DEMO_TIMEZONE) <= localDate(po.expectedAt as Date, DEMO_TIMEZONE)) s.ok++;
      onTime.set(po.vendorId, s);
    }
    const rates = [...onTime.values()].filter((s) => s.n >= 3).map((s) => s.ok / s.n);
    expect(rates.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.3);
  });
});
