/**
 * Pure generator of the demo shop "Maple & Moss Outfitters": (seed, today) → plain row objects, one array per
 * table. No I/O, no clock, no Math.random: the same options always give deep-equal output.
 *
 * Volume choices (keeps `npm run demo` seeding well under a minute on SQLite):
 * - DemandDay covers the full HISTORY_DAYS (two years, ending yesterday);
 * - OrderLine rows exist only for the last ORDER_LINE_DAYS days. On those days DemandDay is *derived from the
 *   OrderLine rows* (derive.ts), so the two agree exactly; earlier DemandDay rows are aggregated from the same
 *   simulated order lines with the same rule, as if those lines had been pruned after derivation;
 * - InventorySnapshot has one row per stocked variant × location for the last SNAPSHOT_DAYS days, plus the
 *   stocked-out days (available 0, stockedOut true, never any sale) over the whole history.
 */
import type { Prisma } from "@prisma/client";
import {
  CATEGORIES,
  KITS,
  LOCATIONS,
  OPTION_VALUES,
  VENDORS,
  type Lifecycle,
  type LocationSpec,
  type OptionSet,
  type Pattern,
  type Season,
  type VendorSpec,
} from "./catalog";
import { addDays } from "../../app/lib/time";
import { dayOfWeek, dayOfYear, isIsoDate, localToUtc } from "./dates";
import { explodeBundleDemand, type BomRow } from "../../app/lib/replenishment/bundles";
import { centsToDecimal, demandKey, deriveDemandDays, millsToDecimal, toMills, type DemoBundles } from "./derive";
import { hash32, Rng } from "./prng";

export const DEMO_SHOP_DOMAIN = "stockcast-demo.myshopify.com";
export const DEMO_SHOP_NAME = "Maple & Moss Outfitters";
export const DEMO_TIMEZONE = "America/New_York";
export const DEFAULT_DEMO_SEED = 20_261_122;
/** Days of demand history, ending yesterday. */
export const HISTORY_DAYS = 730;
/** Days (ending yesterday) for which individual OrderLine rows are written. */
export const ORDER_LINE_DAYS = 120;
/** Days (ending yesterday) with a daily InventorySnapshot for every stocked variant × location. */
export const SNAPSHOT_DAYS = 30;

export interface GenerateOptions {
  /** The shop's local "today" (YYYY-MM-DD); history ends the day before. */
  today: string;
  seed?: number;
  /** Shop domain; defaults to the demo shop. */
  shop?: string;
}

// Row shapes: every column the seed writes, so bulk tables can be inserted with plain multi-row INSERTs.
export interface OrderLineRow {
  id: string;
  shop: string;
  orderGid: string;
  lineItemGid: string;
  orderName: string;
  variantGid: string;
  variantId: string;
  locationGid: string;
  locationId: string;
  quantity: number;
  currentQuantity: number;
  refundedQuantity: number;
  unitPrice: string;
  orderCreatedAt: Date;
  localDate: string;
  cancelledAt: Date | null;
  shopifyUpdatedAt: Date;
  source: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemandDayRow {
  id: string;
  shop: string;
  variantId: string;
  locationId: string;
  date: string;
  units: number;
  revenue: string;
  orders: number;
}

export interface InventorySnapshotRow {
  id: string;
  shop: string;
  variantId: string;
  locationId: string;
  date: string;
  available: number;
  stockedOut: boolean;
}

export interface DemoData {
  shop: Prisma.ShopCreateManyInput & { id: string; shop: string };
  locations: (Prisma.LocationCreateManyInput & { id: string; shopifyId: string })[];
  vendors: (Prisma.VendorCreateManyInput & { id: string })[];
  products: (Prisma.ProductCreateManyInput & { id: string; status: string })[];
  variants: (Prisma.VariantCreateManyInput & { id: string; shopifyId: string; price: string })[];
  inventoryLevels: (Prisma.InventoryLevelCreateManyInput & { available: number; onHand: number; committed: number; incoming: number })[];
  inventorySnapshots: InventorySnapshotRow[];
  orderLines: OrderLineRow[];
  demandDays: DemandDayRow[];
  bundleComponents: Prisma.BundleComponentCreateManyInput[];
  staffRoles: Prisma.StaffRoleCreateManyInput[];
  purchaseOrders: (Prisma.PurchaseOrderCreateManyInput & { id: string; status: string })[];
  purchaseOrderLines: (Prisma.PurchaseOrderLineCreateManyInput & { id: string; quantityOrdered: number; quantityReceived: number })[];
  receipts: (Prisma.ReceiptCreateManyInput & { id: string; receivedAt: Date })[];
  receiptLines: (Prisma.ReceiptLineCreateManyInput & { quantity: number })[];
  auditEntries: Prisma.AuditEntryCreateManyInput[];
  /** Lines of native Shopify POs marked ordered: half the levels with incoming units (docs/on-order.md). */
  nativePurchaseOrderLines: Prisma.NativePurchaseOrderLineCreateManyInput[];
}

// ---------------------------------------------------------------------------------------------------------
// Internal model

interface ProductModel {
  index: number;
  id: string;
  title: string;
  type: string;
  code: string;
  vendor: VendorSpec | null;
  season: Season;
  options: OptionSet;
  pattern: Pattern;
  popularity: number;
  lifecycle: Lifecycle;
  onlineOnly: boolean;
  isKit: boolean;
  /** Day index of first possible sale (0 = first history day). */
  launchDay: number;
  /** Day index from which there are no sales (HISTORY_DAYS = still selling). */
  endDay: number;
  /** Fading products: demand declines linearly from fadeStart to endDay. */
  fadeStart: number;
  trendPerYear: number;
  casePack: number | null;
  variants: VariantModel[];
}

interface VariantModel {
  index: number;
  id: string;
  shopifyId: string;
  product: ProductModel;
  share: number;
  priceCents: number;
  costCents: number;
}

interface SeriesModel {
  variant: VariantModel;
  loc: LocationModel;
  baseRate: number;
  seasonAmp: number;
  /** 1 on stocked-out days. */
  stockout: Uint8Array;
  ongoingStockout: boolean;
  /** Net units per day for the last SNAPSHOT_DAYS days. */
  recentUnits: number[];
  recent28: number;
}

interface LocationModel {
  spec: LocationSpec;
  index: number;
  id: string;
  gid: string;
}

interface WindowLine {
  series: SeriesModel;
  qty: number;
  refunded: number;
  priceCents: number;
  bulk: boolean;
}

const DAY_MINUTES = 24 * 60;
/** Global demand scale (units/day) applied to the catalogue's popularity ranges. */
const RATE_SCALE = 1.35;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** UPC-A: 11 digits + mod-10 check digit. */
function upcA(body11: string): string {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(body11[i]) * (i % 2 === 0 ? 3 : 1);
  return body11 + String((10 - (sum % 10)) % 10);
}

function roundPriceCents(rng: Rng, lo: number, hi: number): number {
  const dollars = rng.int(lo, hi);
  const ending = rng.pick([0, 0, 95, 50]);
  return ending === 95 ? (dollars - 1) * 100 + 95 : dollars * 100 + ending;
}

/** Circular distance in days between two days of the year. */
function yearDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 365.25;
  return Math.min(d, 365.25 - d);
}

function seasonalFactor(season: Season, doy: number, amp: number): number {
  const cos = (peak: number) => Math.cos((2 * Math.PI * (doy - peak)) / 365.25);
  switch (season) {
    case "winter":
      return Math.max(0.05, 1 + amp * cos(355));
    case "summer":
      return Math.max(0.05, 1 + amp * cos(185));
    case "spring":
      return Math.max(0.1, 1 + amp * cos(105));
    case "holiday": {
      const d = yearDistance(doy, 345);
      return 0.75 + 0.1 * cos(355) + 2.2 * amp * Math.exp(-(d * d) / (2 * 16 * 16));
    }
    case "none":
      return 1 + 0.08 * cos(200);
  }
}

function seasonAmplitude(season: Season, loc: LocationSpec["key"]): number {
  const table: Record<Season, Record<LocationSpec["key"], number>> = {
    winter: { brooklyn: 0.85, portland: 0.9, austin: 0.6 },
    summer: { brooklyn: 0.7, portland: 0.75, austin: 0.6 },
    spring: { brooklyn: 0.45, portland: 0.55, austin: 0.35 },
    holiday: { brooklyn: 1, portland: 0.8, austin: 0.8 },
    none: { brooklyn: 0, portland: 0, austin: 0 },
  };
  return table[season][loc];
}

/** Quantities of the order lines of one series-day. */
function drawLines(rng: Rng, pattern: Pattern, rate: number): number[] {
  if (rate <= 0) return [];
  const out: number[] = [];
  switch (pattern) {
    case "smooth": {
      const n = rng.poisson(rate / 1.25);
      for (let i = 0; i < n; i++) {
        const u = rng.next();
        out.push(u < 0.8 ? 1 : u < 0.95 ? 2 : 3);
      }
      break;
    }
    case "erratic": {
      const n = rng.poisson((rate * rng.gamma(0.9)) / 0.9 / 1.35);
      for (let i = 0; i < n; i++) {
        const u = rng.next();
        out.push(u < 0.75 ? 1 : u < 0.92 ? 2 : u < 0.98 ? 3 : 4);
      }
      break;
    }
    case "intermittent": {
      const n = rng.poisson(rate / 1.1);
      for (let i = 0; i < n; i++) out.push(rng.chance(0.9) ? 1 : 2);
      break;
    }
    case "lumpy": {
      const n = rng.poisson(rate);
      for (let i = 0; i < n; i++) {
        out.push(rng.chance(0.4) ? rng.int(1, 3) : rng.pick([6, 10, 12, 12, 20, 24, 24, 36, 48]));
      }
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/** Generates every row of the demo shop. Deterministic in (seed, today, shop). */
export function generateDemoShop(options: GenerateOptions): DemoData {
  const { today } = options;
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date; got "${today}"`);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const shop = options.shop ?? DEMO_SHOP_DOMAIN;
  const tz = DEMO_TIMEZONE;
  const N = HISTORY_DAYS;
  const windowStart = N - ORDER_LINE_DAYS;
  const snapshotStart = N - SNAPSHOT_DAYS;
  const firstDay = addDays(today, -N);
  const prefix = `dm${hash32(shop).toString(36)}`;
  const id = (kind: string, n: number) => `${prefix}_${kind}_${pad(n, 6)}`;
  const at = (dayIndex: number, minute: number) => localToUtc(addDays(firstDay, dayIndex), minute, tz);
  const dates: string[] = [];
  const dows: number[] = [];
  const doys: number[] = [];
  for (let d = 0; d <= N; d++) {
    const date = addDays(firstDay, d);
    dates.push(date);
    dows.push(dayOfWeek(date));
    doys.push(dayOfYear(date));
  }

  const rng = Rng.derive(seed, "catalog");

  // Shop -------------------------------------------------------------------------------------------------
  const installedAt = at(-14, 10 * 60);
  const shopRow: DemoData["shop"] = {
    id: id("shop", 1),
    shop,
    name: DEMO_SHOP_NAME,
    currencyCode: "USD",
    ianaTimezone: tz,
    isDemo: true,
    active: true,
    scopes: "read_products,read_inventory,write_inventory,read_orders,read_locations",
    installedAt,
    createdAt: installedAt,
    updatedAt: installedAt,
  };

  // Locations ---------------------------------------------------------------------------------------------
  const locs: LocationModel[] = LOCATIONS.map((spec, i) => ({
    spec,
    index: i,
    id: id("loc", i + 1),
    gid: `gid://shopify/Location/${spec.shopifyNumber}`,
  }));
  const locations: DemoData["locations"] = locs.map((l) => ({
    id: l.id,
    shop,
    shopifyId: l.gid,
    name: l.spec.name,
    active: true,
    shopifyUpdatedAt: installedAt,
    createdAt: installedAt,
    updatedAt: installedAt,
  }));

  // Vendors -----------------------------------------------------------------------------------------------
  const vendorIds = new Map<string, string>();
  const vendors: DemoData["vendors"] = VENDORS.map((v, i) => {
    vendorIds.set(v.key, id("ven", i + 1));
    return {
      id: id("ven", i + 1),
      shop,
      name: v.name,
      contactName: v.contactName,
      email: v.email,
      phone: v.phone,
      currency: "USD",
      statedLeadTimeDays: v.statedLeadTimeDays,
      moq: v.moq,
      notes: v.notes,
      createdAt: installedAt,
      updatedAt: installedAt,
    };
  });
  const vendorByKey = new Map(VENDORS.map((v) => [v.key, v]));

  // Products and variants -----------------------------------------------------------------------------------
  const productModels: ProductModel[] = [];
  let variantSeq = 0;
  const addProduct = (p: Omit<ProductModel, "index" | "id" | "variants">, priceRange: readonly [number, number]) => {
    const index = productModels.length + 1;
    const model: ProductModel = { ...p, index, id: id("prd", index), variants: [] };
    const basePrice = roundPriceCents(rng, priceRange[0], priceRange[1]);
    const values = OPTION_VALUES[p.options];
    const stepUp = p.options === "bed3" || p.options === "pack2" || p.options === "capacity2";
    values.forEach((value, k) => {
      variantSeq++;
      const priceCents = stepUp && k > 0 ? Math.round((basePrice * (1 + 0.15 * k)) / 100) * 100 + (basePrice % 100) : basePrice;
      const costCents = Math.round(priceCents * rng.uniform(0.36, 0.55));
      model.variants.push({
        index: variantSeq,
        id: id("var", variantSeq),
        shopifyId: `gid://shopify/ProductVariant/${45_210_000_000_000 + variantSeq * 37}`,
        product: model,
        share: value.share,
        priceCents,
        costCents,
      });
    });
    productModels.push(model);
    return model;
  };

  for (const cat of CATEGORIES) {
    for (const entry of cat.products) {
      const e = typeof entry === "string" ? { title: entry } : entry;
      const lifecycle: Lifecycle = e.lifecycle ?? "steady";
      const pop = e.popularity ?? cat.popularity;
      let launchDay = 0;
      let endDay = N;
      let fadeStart = N;
      if (lifecycle === "new") launchDay = N - rng.int(28, 56);
      else if (lifecycle === "discontinued") endDay = N - rng.int(95, 210);
      else if (lifecycle === "fading") {
        endDay = N - rng.int(120, 165);
        fadeStart = endDay - rng.int(150, 240);
      } else if (lifecycle === "draft") launchDay = N + 30;
      else if (rng.chance(0.12)) launchDay = rng.int(60, 330);
      addProduct(
        {
          title: e.title,
          type: cat.type,
          code: cat.code,
          vendor: vendorByKey.get(e.vendor ?? cat.vendor) ?? null,
          season: e.season ?? cat.season,
          options: e.options ?? cat.options,
          pattern: e.pattern ?? cat.pattern,
          popularity: rng.uniform(pop[0], pop[1]),
          lifecycle,
          onlineOnly: e.onlineOnly ?? false,
          isKit: false,
          launchDay,
          endDay,
          fadeStart,
          trendPerYear: lifecycle === "new" ? 0 : rng.uniform(-0.2, 0.45),
          casePack: e.casePack !== undefined ? e.casePack : cat.casePack,
        },
        e.price ?? cat.price,
      );
    }
  }
  for (const kit of KITS) {
    addProduct(
      {
        title: kit.title,
        type: "Gift Sets",
        code: "GFT",
        vendor: null,
        season: "holiday",
        options: "single",
        pattern: "smooth",
        popularity: kit.popularity,
        lifecycle: "steady",
        onlineOnly: false,
        isKit: true,
        launchDay: rng.int(200, 260),
        endDay: N,
        fadeStart: N,
        trendPerYear: 0.2,
        casePack: null,
      },
      [kit.price, kit.price],
    );
  }
  const productByTitle = new Map(productModels.map((p) => [p.title, p]));

  const productCreatedAt = (p: ProductModel) =>
    p.launchDay > 0 && p.launchDay <= N ? at(p.launchDay - 3, 9 * 60 + 30) : at(-rng.int(30, 700), 9 * 60 + 30);
  const products: DemoData["products"] = [];
  const variants: DemoData["variants"] = [];
  const productCreated = new Map<ProductModel, Date>();
  for (const p of productModels) {
    const created = p.lifecycle === "draft" ? at(N - 6, 15 * 60) : productCreatedAt(p);
    productCreated.set(p, created);
    const updated = p.lifecycle === "discontinued" ? at(p.endDay + 14, 11 * 60) : created;
    products.push({
      id: p.id,
      shop,
      shopifyId: `gid://shopify/Product/${8_614_000_000_000 + p.index * 101}`,
      title: p.title,
      vendorId: p.vendor ? vendorIds.get(p.vendor.key)! : null,
      productType: p.type,
      status: p.lifecycle === "discontinued" ? "ARCHIVED" : p.lifecycle === "draft" ? "DRAFT" : "ACTIVE",
      shopifyCreatedAt: created,
      shopifyUpdatedAt: updated,
      createdAt: installedAt,
      updatedAt: installedAt,
    });
    const values = OPTION_VALUES[p.options];
    p.variants.forEach((v, k) => {
      const code = values[k].code;
      // A few per-variant planning overrides, so the settings screens have something to show.
      const leadOverride = p.title === "Cast Iron Dutch Oven" ? 12 : p.title === "Granite Peak Mountaineering Boot" ? 40 : null;
      const minMax = p.title === "Trailblazer Headlamp" ? [12, 150] : p.title === "Enamel Camp Mug" ? [24, null] : [null, null];
      variants.push({
        id: v.id,
        shop,
        shopifyId: v.shopifyId,
        productId: p.id,
        title: values[k].title,
        sku: `MM-${p.code}-${pad(p.index, 3)}${code ? `-${code}` : ""}`,
        barcode: p.isKit ? null : upcA(`8${pad(p.index, 3)}${pad(k + 1, 2)}${rng.digits(5)}`),
        price: centsToDecimal(v.priceCents),
        unitCost: p.isKit ? null : centsToDecimal(v.costCents),
        inventoryItemId: `gid://shopify/InventoryItem/${47_380_000_000_000 + v.index * 37}`,
        tracked: !p.isKit,
        casePack: p.casePack,
        moqOverride: p.pattern === "lumpy" ? 24 : null,
        leadTimeOverrideDays: leadOverride,
        minQty: minMax[0],
        maxQty: minMax[1],
        doNotReorder: p.lifecycle === "discontinued",
        shopifyCreatedAt: created,
        shopifyUpdatedAt: updated,
        createdAt: installedAt,
        updatedAt: installedAt,
      });
    });
  }

  // Bundles -----------------------------------------------------------------------------------------------
  const bundleComponents: DemoData["bundleComponents"] = [];
  // Kits sell as their components (the app's rule, app/services/sync/demand.server.ts): their demand days
  // become component days, revenue split by component price in thousandths.
  const bundles: DemoBundles = { bom: [], priceMills: {} };
  for (const kit of KITS) {
    const kitVariant = productByTitle.get(kit.title)!.variants[0];
    for (const c of kit.components) {
      const comp = productByTitle.get(c.title);
      if (!comp) throw new Error(`kit component "${c.title}" is not in the catalogue`);
      (bundles.bom as BomRow[]).push({ bundleId: kitVariant.id, componentId: comp.variants[0].id, quantity: c.quantity });
      (bundles.priceMills as Record<string, number>)[comp.variants[0].id] = comp.variants[0].priceCents * 10;
      bundleComponents.push({
        id: id("bnd", bundleComponents.length + 1),
        shop,
        bundleVariantId: kitVariant.id,
        componentVariantId: comp.variants[0].id,
        quantity: c.quantity,
      });
    }
  }

  // Series: which variant sells where ----------------------------------------------------------------------
  const series: SeriesModel[] = [];
  const seriesRng = Rng.derive(seed, "assortment");
  for (const p of productModels) {
    if (p.lifecycle === "draft") continue;
    for (const loc of locs) {
      if (loc.index > 0) {
        if (p.onlineOnly) continue;
        if (p.isKit && loc.spec.key !== "portland") continue;
        if (!p.isKit && !seriesRng.chance(loc.spec.assortment)) continue;
      }
      for (const v of p.variants) {
        let factor = loc.spec.demandFactor;
        if (p.season === "winter" && loc.spec.key === "austin") factor *= 0.55;
        if (p.season === "summer" && loc.spec.key === "austin") factor *= 1.15;
        const rate = p.pattern === "lumpy" ? p.popularity * (loc.index === 0 ? 1 : 0.3) : RATE_SCALE * p.popularity * v.share * factor;
        series.push({
          variant: v,
          loc,
          baseRate: rate,
          seasonAmp: seasonAmplitude(p.season, loc.spec.key),
          stockout: new Uint8Array(N),
          ongoingStockout: false,
          recentUnits: new Array<number>(SNAPSHOT_DAYS).fill(0),
          recent28: 0,
        });
      }
    }
  }

  // Stockout episodes (only inside the series' selling period; never for kits or lumpy B2B items).
  for (const s of series) {
    const p = s.variant.product;
    if (p.isKit || p.pattern === "lumpy") continue;
    const r = Rng.derive(seed, `stockout:${s.variant.id}:${s.loc.id}`);
    const start = Math.max(p.launchDay, 0) + 7;
    const end = Math.min(p.endDay, N);
    if (r.chance(0.16) && end - start > 60) {
      const episodes = r.int(1, 2);
      for (let e = 0; e < episodes; e++) {
        const len = r.int(4, 18);
        const from = r.int(start, end - len - 2);
        for (let d = from; d < from + len; d++) s.stockout[d] = 1;
      }
    }
    if (end === N && (p.pattern === "smooth" || p.pattern === "erratic") && p.lifecycle === "steady" && r.chance(0.045)) {
      s.ongoingStockout = true;
      const len = r.int(3, 12);
      for (let d = N - len; d < N; d++) s.stockout[d] = 1;
      s.stockout[N - len - 1] = 0;
    }
  }

  // Demand simulation ---------------------------------------------------------------------------------------
  const demandDays: DemandDayRow[] = [];
  const windowBuckets: WindowLine[][][] = Array.from({ length: ORDER_LINE_DAYS }, () => locs.map(() => []));
  let historyOrders = 0;
  const rateAt = (s: SeriesModel, d: number): number => {
    const p = s.variant.product;
    if (d < p.launchDay || d >= p.endDay) return 0;
    const t = (d - N / 2) / 365;
    let r = s.baseRate * (1 + 0.12 * t) * Math.max(0.2, 1 + p.trendPerYear * t);
    r *= s.loc.spec.weekly[dows[d]];
    r *= seasonalFactor(p.season, doys[d], s.seasonAmp);
    if (s.loc.index === 0 && doys[d] >= 328 && doys[d] <= 335) r *= 1.6; // Black Friday / Cyber Monday online
    if (p.lifecycle === "new") r *= d - p.launchDay < 14 ? 1.5 : 1.15;
    if (p.lifecycle === "discontinued" && p.endDay - d < 60) r *= 1.3; // clearance markdowns
    if (p.lifecycle === "fading" && d >= p.fadeStart) r *= Math.max(0.05, 1 - (d - p.fadeStart) / (p.endDay - p.fadeStart));
    return r;
  };
  let ddSeq = 0;
  for (const s of series) {
    const r = Rng.derive(seed, `demand:${s.variant.id}:${s.loc.id}`);
    const p = s.variant.product;
    for (let d = 0; d < N; d++) {
      const rate = rateAt(s, d);
      if (rate <= 0 || s.stockout[d]) continue;
      const qtys = drawLines(r, p.pattern, rate);
      if (qtys.length === 0) continue;
      let units = 0;
      let revenueCents = 0;
      for (const qty of qtys) {
        const refunded = r.chance(0.03) ? r.int(1, qty) : 0;
        const bulk = qty >= 6;
        const priceCents = bulk
          ? Math.round(s.variant.priceCents * 0.85)
          : r.chance(0.07)
            ? Math.round(s.variant.priceCents * 0.8)
            : s.variant.priceCents;
        units += qty - refunded;
        revenueCents += (qty - refunded) * priceCents;
        if (d >= windowStart) windowBuckets[d - windowStart][s.loc.index].push({ series: s, qty, refunded, priceCents, bulk });
      }
      if (d >= N - 28) s.recent28 += units;
      if (d >= snapshotStart) s.recentUnits[d - snapshotStart] = units;
      if (d < windowStart) {
        historyOrders += qtys.length;
        demandDays.push({
          id: id("dd", ++ddSeq),
          shop,
          variantId: s.variant.id,
          locationId: s.loc.id,
          date: dates[d],
          units,
          revenue: centsToDecimal(revenueCents),
          orders: qtys.length,
        });
      }
    }
  }

  // Order lines for the window: group each day × location's lines into orders ------------------------------
  const orderRng = Rng.derive(seed, "orders");
  interface PendingOrder {
    day: number;
    loc: LocationModel;
    minute: number;
    lines: { series: SeriesModel; qty: number; refunded: number; priceCents: number }[];
    cancelled: boolean;
  }
  const pending: PendingOrder[] = [];
  for (let w = 0; w < ORDER_LINE_DAYS; w++) {
    const day = windowStart + w;
    for (const loc of locs) {
      const lines = orderRng.shuffle(windowBuckets[w][loc.index]);
      const dayOrders: PendingOrder[] = [];
      const drawMinute = () => {
        const { openMinute, closeMinute } = loc.spec;
        const u = loc.index === 0 ? orderRng.next() : (orderRng.next() + orderRng.next()) / 2;
        return openMinute + Math.floor(u * (closeMinute - openMinute));
      };
      let current: PendingOrder | null = null;
      let target = 1;
      for (const line of lines) {
        const clash = current !== null && current.lines.some((l) => l.series.variant === line.series.variant);
        if (current === null || current.lines.length >= target || clash || line.bulk) {
          current = { day, loc, minute: drawMinute(), lines: [], cancelled: false };
          dayOrders.push(current);
          const u = orderRng.next();
          target = line.bulk ? 1 : u < 0.58 ? 1 : u < 0.83 ? 2 : u < 0.95 ? 3 : 4;
        }
        current.lines.push(line);
      }
      // A few cancelled orders (extra to the demand: cancelled lines never count).
      const cancels = orderRng.poisson(dayOrders.length * 0.008);
      for (let c = 0; c < cancels && lines.length > 0; c++) {
        const first = orderRng.pick(lines);
        const second = orderRng.pick(lines);
        const picked = second.series.variant === first.series.variant || orderRng.chance(0.6) ? [first] : [first, second];
        dayOrders.push({
          day,
          loc,
          minute: drawMinute(),
          lines: picked.map((l) => ({ series: l.series, qty: orderRng.int(1, 2), refunded: 0, priceCents: l.series.variant.priceCents })),
          cancelled: true,
        });
      }
      pending.push(...dayOrders);
    }
  }
  pending.sort((a, b) => a.day - b.day || a.minute - b.minute || a.loc.index - b.loc.index);
  const orderLines: OrderLineRow[] = [];
  const firstOrderNumber = 1001 + Math.round(historyOrders / 1.45);
  let lineSeq = 0;
  pending.forEach((o, k) => {
    const created = at(o.day, o.minute);
    const orderGid = `gid://shopify/Order/${5_918_000_000_000 + (k + 1) * 13}`;
    const daysAgo = N - o.day;
    const cancelledAt = o.cancelled ? new Date(created.getTime() + orderRng.int(20, 300) * 60_000) : null;
    const refundDays = daysAgo > 2 ? orderRng.int(1, Math.min(10, daysAgo - 1)) : 0;
    const hasRefund = o.lines.some((l) => l.refunded > 0);
    const updatedAt = cancelledAt ?? (hasRefund ? new Date(created.getTime() + refundDays * DAY_MINUTES * 60_000) : created);
    for (const l of o.lines) {
      lineSeq++;
      // A refund dated after the history end would be in the future: keep such lines unrefunded.
      const refunded = hasRefund && refundDays === 0 ? 0 : l.refunded;
      orderLines.push({
        id: id("ol", lineSeq),
        shop,
        orderGid,
        lineItemGid: `gid://shopify/LineItem/${14_260_000_000_000 + lineSeq * 7}`,
        orderName: `#${firstOrderNumber + k}`,
        variantGid: l.series.variant.shopifyId,
        variantId: l.series.variant.id,
        locationGid: o.loc.gid,
        locationId: o.loc.id,
        quantity: l.qty,
        currentQuantity: l.qty,
        refundedQuantity: refunded,
        unitPrice: centsToDecimal(l.priceCents),
        orderCreatedAt: created,
        localDate: dates[o.day],
        cancelledAt,
        shopifyUpdatedAt: updatedAt,
        source: "backfill",
        createdAt: created,
        updatedAt,
      });
    }
  });
  // Kits' history days become their components' days, as their order lines do in the window below.
  const historyByKey = new Map(demandDays.map((d) => [demandKey(d.variantId, d.locationId, d.date), d]));
  const kitDays = demandDays.filter((d) => bundles.bom.some((r) => r.bundleId === d.variantId));
  const kitLines = kitDays.map((d) => ({ variantId: d.variantId, units: d.units, revenueMinor: toMills(d.revenue), locationId: d.locationId, date: d.date, orders: d.orders }));
  for (const d of kitDays) historyByKey.delete(demandKey(d.variantId, d.locationId, d.date));
  for (const part of explodeBundleDemand(kitLines, bundles.bom, bundles.priceMills)) {
    const key = demandKey(part.variantId, part.locationId, part.date);
    const day = historyByKey.get(key);
    if (day) {
      day.units += part.units;
      day.revenue = millsToDecimal(toMills(day.revenue) + part.revenueMinor);
      day.orders += part.orders;
    } else {
      const row = { id: id("dd", ++ddSeq), shop, variantId: part.variantId, locationId: part.locationId, date: part.date, units: part.units, revenue: millsToDecimal(part.revenueMinor), orders: part.orders };
      historyByKey.set(key, row);
    }
  }
  demandDays.length = 0;
  for (const d of [...historyByKey.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0) || (a.locationId < b.locationId ? -1 : 1))) demandDays.push(d);
  // Window DemandDay rows are derived from the OrderLine rows themselves.
  const derived = [...deriveDemandDays(orderLines, bundles).values()].sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.variantId < b.variantId ? -1 : 1) || (a.locationId < b.locationId ? -1 : 1),
  );
  for (const dd of derived) {
    demandDays.push({
      id: id("dd", ++ddSeq),
      shop,
      variantId: dd.variantId,
      locationId: dd.locationId,
      date: dd.date,
      units: dd.units,
      revenue: millsToDecimal(dd.revenueMills),
      orders: dd.orders,
    });
  }
  // The simulation's per-day net units for snapshots must reflect edits made while assembling orders.
  const netBySeriesDay = new Map<string, number>();
  for (const dd of derived) netBySeriesDay.set(`${dd.variantId}|${dd.locationId}|${dd.date}`, dd.units);
  for (const s of series) {
    for (let i = 0; i < SNAPSHOT_DAYS; i++) {
      s.recentUnits[i] = netBySeriesDay.get(`${s.variant.id}|${s.loc.id}|${dates[snapshotStart + i]}`) ?? 0;
    }
  }

  // Inventory levels and snapshots --------------------------------------------------------------------------
  const invRng = Rng.derive(seed, "inventory");
  const inventoryLevels: DemoData["inventoryLevels"] = [];
  const inventorySnapshots: InventorySnapshotRow[] = [];
  // Synced at the start of the shop's today: never in the future (a later webhook must win, and an incremental
  // plan must not see every level as changed since the plan).
  const levelAt = at(N, 0);
  let snapSeq = 0;
  for (const s of series) {
    const p = s.variant.product;
    if (p.isKit) continue;
    const daily = Math.max(s.recent28 / 28, rateAt(s, N - 1) / s.loc.spec.weekly[dows[N - 1]]);
    const lowVolume = p.pattern === "lumpy" || p.pattern === "intermittent" || daily < 0.3;
    let available: number;
    if (s.ongoingStockout) available = 0;
    else if (p.lifecycle === "discontinued") available = invRng.chance(0.5) ? 0 : invRng.int(3, 25);
    else if (p.lifecycle === "fading") available = invRng.int(40, 160);
    else {
      const u = invRng.next();
      if (u < 0.1) available = lowVolume ? 1 : Math.max(1, Math.round(daily * invRng.uniform(0.5, 4)));
      else if (u < 0.2) available = Math.max(30, Math.round(daily * invRng.uniform(150, 400)));
      else {
        // A shop that has been ordering: stock covers the vendor's lead time and one to eight weeks more (drawn
        // without regard to the lead time, a 45-day vendor's lines were nearly all short: an alert on every line).
        const lead = p.vendor?.statedLeadTimeDays ?? 14;
        available = lowVolume ? Math.max(invRng.int(2, 24), Math.ceil(daily * (lead + 7))) : Math.max(3, Math.round(daily * (lead + invRng.uniform(7, 60))));
      }
    }
    const committed = s.loc.index === 0 && available > 0 ? Math.min(available, Math.round(daily * invRng.uniform(0, 0.6))) : 0;
    const incoming = s.loc.index > 0 && available < daily * 10 && invRng.chance(0.25) ? invRng.int(6, 24) : 0;
    inventoryLevels.push({
      id: id("lvl", inventoryLevels.length + 1),
      shop,
      variantId: s.variant.id,
      locationId: s.loc.id,
      available,
      onHand: available + committed,
      committed,
      incoming,
      shopifyUpdatedAt: levelAt,
      updatedAt: levelAt,
    });
    // Older stocked-out days.
    for (let d = 0; d < snapshotStart; d++) {
      if (s.stockout[d]) {
        inventorySnapshots.push({ id: id("snp", ++snapSeq), shop, variantId: s.variant.id, locationId: s.loc.id, date: dates[d], available: 0, stockedOut: true });
      }
    }
    // Last SNAPSHOT_DAYS days: walk back from today's level adding back each day's net sales.
    const recent: InventorySnapshotRow[] = [];
    let a = available;
    for (let d = N - 1; d >= snapshotStart; d--) {
      if (d < N - 1) {
        if (s.stockout[d]) a = 0;
        else if (s.stockout[d + 1]) a = invRng.int(1, 2) + s.recentUnits[d + 1 - snapshotStart];
        else a = a + s.recentUnits[d + 1 - snapshotStart];
      } else if (s.stockout[d]) a = 0;
      if (d < p.launchDay) break;
      recent.push({ id: "", shop, variantId: s.variant.id, locationId: s.loc.id, date: dates[d], available: a, stockedOut: a === 0 });
    }
    recent.reverse();
    for (const row of recent) inventorySnapshots.push({ ...row, id: id("snp", ++snapSeq) });
  }

  // Staff ---------------------------------------------------------------------------------------------------
  const staff = {
    owner: { staffId: "gid://shopify/StaffMember/104857601", name: "Alex Owner", email: "alex.owner@example.com", role: "owner" },
    approver: { staffId: "gid://shopify/StaffMember/104857602", name: "Jordan Ops", email: "jordan.ops@example.com", role: "approver" },
    viewer: { staffId: "gid://shopify/StaffMember/104857603", name: "Casey Park", email: "casey.park@example.com", role: "viewer" },
  };
  const staffRoles: DemoData["staffRoles"] = Object.values(staff).map((s, i) => ({
    id: id("stf", i + 1),
    shop,
    ...s,
    createdAt: installedAt,
    updatedAt: installedAt,
  }));

  // Purchase orders -----------------------------------------------------------------------------------------
  const po = buildPurchaseOrders({
    seed,
    shop,
    N,
    at,
    id,
    series,
    locs,
    vendorIds,
    rateAt,
    staff: { owner: staff.owner.staffId, approver: staff.approver.staffId },
  });

  // Every other level with incoming units has it on a native Shopify PO ordered 3–11 days ago (no draws from the
  // generator's streams, so everything else stays as it was).
  const vendorNames = new Map(vendors.map((v) => [v.id, v.name]));
  const productVendor = new Map(products.map((p) => [p.id, p.vendorId ? (vendorNames.get(p.vendorId) ?? null) : null]));
  const variantProduct = new Map(variants.map((v) => [v.id, v.productId]));
  const nativePurchaseOrderLines = inventoryLevels
    .filter((l) => l.incoming > 0)
    .filter((_, k) => k % 2 === 0)
    .map((l, k) => ({
      id: id("npl", k + 1),
      shop,
      lineGid: `gid://shopify/InventoryPurchaseOrderLineItem/${k + 1}`,
      purchaseOrderGid: `gid://shopify/InventoryPurchaseOrder/${k + 1}`,
      name: `#PO${k + 1}`,
      supplier: productVendor.get(variantProduct.get(l.variantId)!) ?? null,
      supplierSku: null,
      orderedAt: at(N - 3 - (k % 9), 600),
      variantId: l.variantId,
      locationId: l.locationId,
      quantity: l.incoming,
    }));

  return {
    shop: shopRow,
    locations,
    vendors,
    products,
    variants,
    inventoryLevels,
    nativePurchaseOrderLines,
    inventorySnapshots,
    orderLines,
    demandDays,
    bundleComponents,
    staffRoles,
    ...po,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Purchase orders: a year of received / closed POs (vendor reliability shows in receipt dates vs expectedAt)
// and a handful of open ones in every status.

interface PoContext {
  seed: number;
  shop: string;
  N: number;
  at: (dayIndex: number, minute: number) => Date;
  id: (kind: string, n: number) => string;
  series: SeriesModel[];
  locs: LocationModel[];
  vendorIds: Map<string, string>;
  rateAt: (s: SeriesModel, d: number) => number;
  staff: { owner: string; approver: string };
}

type PoParts = Pick<DemoData, "purchaseOrders" | "purchaseOrderLines" | "receipts" | "receiptLines" | "auditEntries">;

function buildPurchaseOrders(ctx: PoContext): PoParts {
  const { shop, N, at, id, series, locs, vendorIds, rateAt, staff } = ctx;
  const rng = Rng.derive(ctx.seed, "purchase-orders");
  const out: PoParts = { purchaseOrders: [], purchaseOrderLines: [], receipts: [], receiptLines: [], auditEntries: [] };
  const minutes = (m: number) => m * 60_000;

  interface Draft {
    vendor: VendorSpec;
    loc: LocationModel;
    createdDay: number;
    status: string;
    lines: { series: SeriesModel; qty: number }[];
    sentOffsetDays: number | null;
    receipts: { day: number; fractions: number[] }[];
    closed: boolean;
    cancelled: boolean;
  }

  const candidates = (vendor: VendorSpec, loc: LocationModel, day: number) =>
    series.filter((s) => {
      const p = s.variant.product;
      // Still selling a month after the PO (or to this day): no POs for items about to be discontinued.
      const selling = p.endDay === N || p.endDay > day + 30;
      return p.vendor === vendor && s.loc === loc && p.launchDay <= day && selling && p.lifecycle !== "draft";
    });
  const pickLines = (vendor: VendorSpec, loc: LocationModel, day: number) => {
    let pool = candidates(vendor, loc, day);
    if (pool.length === 0) pool = candidates(vendor, locs[0], day);
    const chosen = rng.shuffle(pool).slice(0, rng.int(3, 8));
    return chosen.map((s) => {
      const cover = vendor.statedLeadTimeDays + 30;
      const expected = Math.max(rateAt(s, day), s.baseRate * 0.5) * cover;
      const pack = s.variant.product.casePack ?? 6;
      return { series: s, qty: Math.max(pack, Math.ceil(expected / pack) * pack) };
    });
  };

  // History: ~40 POs over the last year, all delivered before yesterday.
  const drafts: Draft[] = [];
  const weights = VENDORS.map((v) => v.poWeight);
  let guard = 0;
  while (drafts.length < 40 && guard++ < 500) {
    // Every vendor gets at least three POs (enough for a scorecard), the rest by purchase volume.
    const vendor = drafts.length < 3 * VENDORS.length ? VENDORS[drafts.length % VENDORS.length] : rng.weighted(VENDORS, weights);
    const createdDay = rng.int(N - 365, N - 20);
    const loc = rng.chance(0.75) ? locs[0] : rng.pick(locs.slice(1));
    const sentOffset = rng.int(0, 2);
    const late = !rng.chance(vendor.onTimeRate);
    const delay = late
      ? 1 + Math.round(Math.abs(vendor.lateMeanDays + vendor.lateSdDays * rng.normal()))
      : -rng.int(0, Math.min(3, Math.floor(vendor.statedLeadTimeDays / 4)));
    const arrival = createdDay + sentOffset + vendor.statedLeadTimeDays + delay;
    const split = rng.chance(0.15);
    const lastDay = arrival + (split ? rng.int(4, 12) : 0);
    if (lastDay > N - 2) continue;
    const cancelled = drafts.length % 19 === 7;
    const lines = pickLines(vendor, loc, createdDay);
    if (lines.length === 0) continue;
    const short = !split && rng.chance(0.12);
    const receipts: Draft["receipts"] = cancelled
      ? []
      : split
        ? [
            { day: arrival, fractions: lines.map(() => rng.uniform(0.4, 0.7)) },
            { day: lastDay, fractions: lines.map(() => 1) },
          ]
        : [{ day: arrival, fractions: lines.map(() => (short && rng.chance(0.5) ? rng.uniform(0.75, 0.95) : 1)) }];
    const closed = !cancelled && (short || (N - lastDay > 45 && rng.chance(0.5)));
    drafts.push({
      vendor,
      loc,
      createdDay,
      status: cancelled ? "cancelled" : closed ? "closed" : "received",
      lines,
      sentOffsetDays: cancelled ? null : sentOffset,
      receipts,
      closed,
      cancelled,
    });
  }
  drafts.sort((a, b) => a.createdDay - b.createdDay);

  // Open POs, one per status (plus an overdue sent one).
  const vendor = (key: string) => VENDORS.find((v) => v.key === key)!;
  const open: Draft[] = [
    { vendor: vendor("cascade"), loc: locs[0], createdDay: N - 13, status: "sent", lines: [], sentOffsetDays: 1, receipts: [], closed: false, cancelled: false },
    { vendor: vendor("lumen"), loc: locs[0], createdDay: N - 60, status: "sent", lines: [], sentOffsetDays: 2, receipts: [], closed: false, cancelled: false },
    { vendor: vendor("trailhead"), loc: locs[0], createdDay: N - 19, status: "partially_received", lines: [], sentOffsetDays: 1, receipts: [{ day: N - 3, fractions: [] }], closed: false, cancelled: false },
    { vendor: vendor("heritage"), loc: locs[1], createdDay: N - 2, status: "approved", lines: [], sentOffsetDays: null, receipts: [], closed: false, cancelled: false },
    { vendor: vendor("northwind"), loc: locs[0], createdDay: N - 3, status: "pending_approval", lines: [], sentOffsetDays: null, receipts: [], closed: false, cancelled: false },
    { vendor: vendor("lumen"), loc: locs[0], createdDay: N - 1, status: "draft", lines: [], sentOffsetDays: null, receipts: [], closed: false, cancelled: false },
  ];
  for (const o of open) {
    o.lines = pickLines(o.vendor, o.loc, N);
    if (o.status === "partially_received") {
      o.receipts[0].fractions = o.lines.map((_, i) => (i % 3 === 0 ? 1 : i % 3 === 1 ? 0.5 : 0));
    }
  }

  let poSeq = 0;
  let lineSeq = 0;
  let receiptSeq = 0;
  let receiptLineSeq = 0;
  let auditSeq = 0;
  const audit = (actor: string, action: string, poId: string, atTime: Date, before: Prisma.InputJsonValue | null, after: Prisma.InputJsonValue) => {
    out.auditEntries.push({
      id: id("aud", ++auditSeq),
      shop,
      actor,
      action,
      entityType: "PurchaseOrder",
      entityId: poId,
      ...(before === null ? {} : { before }),
      after,
      at: atTime,
    });
  };

  const all = [...drafts, ...open];
  all.forEach((d, k) => {
    poSeq++;
    const poId = id("po", poSeq);
    const number = `PO-${1000 + poSeq}`;
    const isOpen = k >= drafts.length;
    const createdBy = rng.chance(0.6) ? staff.approver : staff.owner;
    const approver = createdBy === staff.approver ? staff.owner : staff.approver;
    const createdAt = at(d.createdDay, rng.int(9 * 60, 16 * 60));
    const submitted = d.status === "draft" ? null : new Date(createdAt.getTime() + minutes(rng.int(10, 240)));
    const approved = submitted && d.status !== "pending_approval" ? new Date(submitted.getTime() + minutes(rng.int(30, 1200))) : null;
    const sentAt = d.sentOffsetDays !== null && approved ? new Date(Math.max(approved.getTime(), at(d.createdDay + d.sentOffsetDays, 11 * 60).getTime()) + minutes(rng.int(5, 90))) : null;
    const sentDay = d.createdDay + (d.sentOffsetDays ?? 0);
    const expectedAt = at(sentDay + d.vendor.statedLeadTimeDays, 12 * 60);
    const cancelledAt = d.cancelled ? new Date((approved ?? createdAt).getTime() + minutes(rng.int(60, 4000))) : null;
    const lastReceiptDay = d.receipts.length ? d.receipts[d.receipts.length - 1].day : null;
    const closedAt = d.closed && lastReceiptDay !== null ? at(lastReceiptDay + rng.int(1, 3), 17 * 60) : null;
    const updatedAt = closedAt ?? cancelledAt ?? (lastReceiptDay !== null ? at(lastReceiptDay, 16 * 60) : sentAt ?? approved ?? submitted ?? createdAt);
    out.purchaseOrders.push({
      id: poId,
      shop,
      number,
      vendorId: vendorIds.get(d.vendor.key)!,
      destinationLocationId: d.loc.id,
      status: d.status,
      currency: "USD",
      expectedAt,
      notes: d.cancelled ? "Cancelled: vendor could not confirm ship date." : isOpen && d.status === "draft" ? "Draft from replenishment suggestions." : null,
      source: "stockcast",
      externalRef: null,
      version: 1,
      createdBy,
      submittedAt: submitted,
      approvedBy: approved ? approver : null,
      approvedAt: approved,
      sentAt,
      closedAt,
      cancelledAt,
      createdAt,
      updatedAt,
    });
    const lineIds: string[] = [];
    const received = d.lines.map(() => 0);
    const receiptQty: number[][] = d.receipts.map((r) =>
      d.lines.map((l, i) => {
        const target = Math.round(l.qty * r.fractions[i]);
        const q = Math.max(0, target - received[i]);
        received[i] += q;
        return q;
      }),
    );
    d.lines.forEach((l, i) => {
      lineIds.push(id("pol", ++lineSeq));
      out.purchaseOrderLines.push({
        id: lineIds[i],
        shop,
        purchaseOrderId: poId,
        variantId: l.series.variant.id,
        quantityOrdered: l.qty,
        quantityReceived: received[i],
        unitCost: centsToDecimal(l.series.variant.costCents),
      });
    });
    const receiptTimes: Date[] = [];
    d.receipts.forEach((r, j) => {
      const receiptId = id("rcp", ++receiptSeq);
      const receivedAt = at(r.day, rng.int(9 * 60, 16 * 60));
      receiptTimes.push(receivedAt);
      out.receipts.push({
        id: receiptId,
        shop,
        purchaseOrderId: poId,
        idempotencyKey: `demo-${number}-r${j + 1}`,
        receivedBy: staff.approver,
        receivedAt,
        pushStatus: "local",
        pushError: null,
        pushedAt: null,
      });
      receiptQty[j].forEach((q, i) => {
        if (q > 0) out.receiptLines.push({ id: id("rcl", ++receiptLineSeq), shop, receiptId, purchaseOrderLineId: lineIds[i], quantity: q });
      });
    });

    // Audit trail for the open POs and the ten most recent historical ones.
    if (isOpen || k >= drafts.length - 10) {
      audit(createdBy, "purchase_order.created", poId, createdAt, null, { number, status: "draft" });
      if (submitted) audit(createdBy, "purchase_order.submitted", poId, submitted, { status: "draft" }, { status: "pending_approval" });
      if (approved) audit(approver, "purchase_order.approved", poId, approved, { status: "pending_approval" }, { status: "approved" });
      if (sentAt) audit(createdBy, "purchase_order.sent", poId, sentAt, { status: "approved" }, { status: "sent" });
      receiptTimes.forEach((t, j) => {
        const last = j === receiptTimes.length - 1;
        const after = last ? (d.status === "closed" ? "received" : d.status) : "partially_received";
        audit(staff.approver, "purchase_order.received", poId, t, { status: j === 0 ? "sent" : "partially_received" }, { status: after, receipt: j + 1 });
      });
      if (closedAt) audit(createdBy, "purchase_order.closed", poId, closedAt, { status: "received" }, { status: "closed" });
      if (cancelledAt) audit(createdBy, "purchase_order.cancelled", poId, cancelledAt, { status: "approved" }, { status: "cancelled" });
    }
  });
  return out;
}
