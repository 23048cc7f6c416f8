// Landed cost on purchase orders (docs/landed-cost.md): freight, duty and other charges in integer cents,
// spread over the lines by value or by quantity (largest remainder: app/lib/purchasing), the landed unit cost
// per line, storing it on the variant at receipt, and the opt-in write-back to Shopify's inventory item cost.
import { allocateCharges, landedUnitCostTenThousandths, type AllocationBasis } from "~/lib/purchasing";
import { recordAudit } from "~/models/audit.server";
import { findLandedCostSettings, listLandedCosts, setLandedCostToShopify, setVariantLandedCost } from "~/models/landed-cost.server";
import { findPurchaseOrder, lookupPurchaseOrderNames, updatePurchaseOrderIfVersion } from "~/models/purchase-orders.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { INVENTORY_ITEM_UPDATE_COST } from "~/shopify/queries/inventory-item-update-cost";
import { toGid } from "~/services/sync/ids";
import { vendorSkusFor } from "~/services/vendor-terms.server";
import { logger } from "~/utils/logger.server";
import type { ChargesInput } from "./charges-form";
import { CONFLICT_MESSAGE, NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { PO_ENTITY } from "./lifecycle.server";
import { centsToDecimal, lineTotalCents, normaliseUnitCost, toTenThousandths } from "./money";
import { assertPermission, roleOf, type PoActor } from "./permissions.server";

/** Statuses whose charges may change: open POs (not received, closed or cancelled). */
const CHARGES_OPEN = new Set(["draft", "pending_approval", "approved", "sent", "partially_received"]);

interface ChargedPo {
  status: string;
  freightCents: number;
  dutyCents: number;
  otherChargesCents: number;
  chargeAllocation: string;
  lines: { id: string; variantId: string; quantityOrdered: number; unitCost: { toFixed(): string } }[];
}

export interface LandedLine {
  lineId: string;
  variantId: string;
  quantity: number;
  unitCost: string;
  /** This line's share of the charges, integer cents. */
  shareCents: number;
  /** Unit cost + share ÷ units, as a decimal string with up to 4 decimals. */
  landedUnitCost: string;
}

function tenThousandthsToDecimal(v: number): string {
  return normaliseUnitCost(`${Math.floor(v / 10_000)}.${String(v % 10_000).padStart(4, "0")}`);
}

const basisOf = (po: ChargedPo): AllocationBasis => (po.chargeAllocation === "quantity" ? "quantity" : "value");
export const chargesTotalCents = (po: ChargedPo) => po.freightCents + po.dutyCents + po.otherChargesCents;

/** Each line's share and landed unit cost. Lines with no units carry nothing. */
export function landedLines(po: ChargedPo): LandedLine[] {
  const lines = po.lines.filter((l) => l.quantityOrdered > 0);
  const unitCosts = lines.map((l) => Math.max(0, Number(toTenThousandths(l.unitCost.toFixed()))));
  const values = lines.map((l) => Math.max(0, Number(lineTotalCents(l.quantityOrdered, l.unitCost.toFixed()))));
  const shares = lines.length ? allocateCharges(chargesTotalCents(po), lines.map((l, i) => ({ quantity: l.quantityOrdered, valueMinor: values[i] })), basisOf(po)) : [];
  return lines.map((l, i) => ({
    lineId: l.id,
    variantId: l.variantId,
    quantity: l.quantityOrdered,
    unitCost: normaliseUnitCost(l.unitCost.toFixed()),
    shareCents: shares[i],
    landedUnitCost: tenThousandthsToDecimal(landedUnitCostTenThousandths(unitCosts[i], shares[i], l.quantityOrdered)),
  }));
}

export interface LandedCostViewDto {
  canEdit: boolean;
  /** Why the charges can't change (received, closed, cancelled), or null. */
  lockedReason: string | null;
  allocation: AllocationBasis;
  freight: string;
  duty: string;
  other: string;
  total: string;
  /** The PO is in another currency than the shop: landed costs are shown but not stored on variants. */
  foreignCurrency: boolean;
  lines: (Omit<LandedLine, "shareCents"> & { product: string; variant: string; sku: string | null; vendorSku: string | null; share: string })[];
}

/** The PO page's landed-cost card. */
export async function getLandedCostView(shop: string, actor: PoActor, poId: string): Promise<LandedCostViewDto> {
  const po = await findPurchaseOrder(shop, poId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  const variantIds = po.lines.map((l) => l.variantId);
  const [role, names, terms, settings] = await Promise.all([
    roleOf(shop, actor),
    lookupPurchaseOrderNames(shop, { variantIds, locationIds: [] }),
    vendorSkusFor(shop, po.vendor, variantIds),
    findLandedCostSettings(shop),
  ]);
  const open = CHARGES_OPEN.has(po.status);
  return {
    canEdit: open && role.canEdit,
    lockedReason: open ? null : "Charges can't change once a purchase order is received, closed or cancelled.",
    allocation: basisOf(po),
    freight: centsToDecimal(BigInt(po.freightCents)),
    duty: centsToDecimal(BigInt(po.dutyCents)),
    other: centsToDecimal(BigInt(po.otherChargesCents)),
    total: centsToDecimal(BigInt(chargesTotalCents(po))),
    foreignCurrency: !!settings && settings.currencyCode !== po.currency,
    lines: landedLines(po).map(({ shareCents, ...l }) => {
      const v = names.variants.get(l.variantId);
      return { ...l, product: v?.product.title ?? "Deleted variant", variant: v?.title ?? "", sku: v?.sku ?? null, vendorSku: terms.get(l.variantId) ?? null, share: centsToDecimal(BigInt(shareCents)) };
    }),
  };
}

/** Sets a PO's charges and how they are spread; open POs only, staff who may edit, audited, versioned. */
export async function updateCharges(shop: string, actor: PoActor, poId: string, expectedVersion: number, input: Omit<ChargesInput, "intent" | "version">) {
  return inTransaction(async (tx) => {
    const po = await findPurchaseOrder(shop, poId, tx);
    if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
    await assertPermission(shop, actor, "edit", "change charges", tx);
    if (po.version !== expectedVersion) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
    if (!CHARGES_OPEN.has(po.status)) throw new PurchaseOrderError("illegal_transition", "Charges can't change once a purchase order is received, closed or cancelled");
    const next = { freightCents: input.freight, dutyCents: input.duty, otherChargesCents: input.other, chargeAllocation: input.allocation };
    if (next.freightCents + next.dutyCents + next.otherChargesCents > 0 && !po.lines.some((l) => l.quantityOrdered > 0)) {
      throw new PurchaseOrderError("invalid", "Add a line with units before adding charges: there is nothing to spread them over");
    }
    const changed = await updatePurchaseOrderIfVersion(shop, po.id, expectedVersion, next, tx);
    if (changed === 0) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
    const before = { freightCents: po.freightCents, dutyCents: po.dutyCents, otherChargesCents: po.otherChargesCents, chargeAllocation: po.chargeAllocation };
    await recordAudit(shop, { actor: actor.staffId, action: "purchase_order.charges_changed", entityType: PO_ENTITY, entityId: po.id, before, after: { ...next, version: po.version + 1 } }, tx);
    return { id: po.id, version: po.version + 1 };
  });
}

/**
 * Inside the receive transaction: stores each received line's landed unit cost on its variant. Skipped for a
 * PO in another currency than the shop's (a variant's cost is in the shop currency). Returns the variants set.
 */
export async function recordLandedCostsOnReceipt(shop: string, po: ChargedPo & { currency: string }, receivedLineIds: string[], tx: Db): Promise<string[]> {
  const settings = await findLandedCostSettings(shop, tx);
  if (!settings || settings.currencyCode !== po.currency) return [];
  const received = new Set(receivedLineIds);
  const now = new Date();
  const set: string[] = [];
  for (const l of landedLines(po)) {
    if (!received.has(l.lineId)) continue;
    await setVariantLandedCost(shop, l.variantId, l.landedUnitCost, now, tx);
    set.push(l.variantId);
  }
  return set;
}

export interface WriteBackResult {
  written: number;
  failed: { variantId: string; error: string }[];
}

/**
 * When the shop opted in, writes these variants' landed unit costs to Shopify (inventoryItemUpdate, input.cost).
 * Never throws for Shopify failures: a receipt stands without it; they are logged and returned.
 */
export async function writeBackLandedCosts(shop: string, variantIds: string[], admin: AdminGraphql | null, clientOptions: AdminClientOptions = {}): Promise<WriteBackResult> {
  const result: WriteBackResult = { written: 0, failed: [] };
  if (!admin || variantIds.length === 0) return result;
  const settings = await findLandedCostSettings(shop);
  if (!settings?.landedCostToShopify) return result;
  const client = createAdminClient(admin, { maxRetries: 2, ...clientOptions });
  for (const v of await listLandedCosts(shop, variantIds)) {
    if (!v.inventoryItemId || v.landedUnitCost === null) continue;
    try {
      await client.mutate(INVENTORY_ITEM_UPDATE_COST, { id: toGid("InventoryItem", v.inventoryItemId), input: { cost: normaliseUnitCost(v.landedUnitCost.toFixed()) } }, (d) => d.inventoryItemUpdate);
      result.written += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      result.failed.push({ variantId: v.id, error: message });
      logger.warn({ kind: "landed-cost-write-back", shop, variantId: v.id, error: message });
    }
  }
  return result;
}

/** Settings → Landed cost: whether received landed costs are written to Shopify's cost. */
export async function getLandedCostSetting(shop: string): Promise<{ writeBack: boolean; currency: string }> {
  const row = await findLandedCostSettings(shop);
  return { writeBack: row?.landedCostToShopify ?? false, currency: row?.currencyCode ?? "USD" };
}

/** Turns the write-back on or off (staff who may change things; the route refuses viewers), audited. */
export async function saveLandedCostSetting(shop: string, actor: PoActor, writeBack: boolean): Promise<{ changed: boolean }> {
  return inTransaction(async (tx) => {
    await assertPermission(shop, actor, "edit", "change the landed-cost setting", tx);
    const before = await findLandedCostSettings(shop, tx);
    if (!before || before.landedCostToShopify === writeBack) return { changed: false };
    await setLandedCostToShopify(shop, writeBack, tx);
    await recordAudit(shop, { actor: actor.staffId, action: "settings.landed_cost_updated", entityType: "Shop", entityId: shop, before: { landedCostToShopify: before.landedCostToShopify }, after: { landedCostToShopify: writeBack } }, tx);
    return { changed: true };
  });
}

/** A variant's costs for its page: Shopify's unit cost and the landed cost of its last receipt (decimal strings or null). */
export async function getVariantCosts(shop: string, variantId: string): Promise<{ unitCost: string | null; landedUnitCost: string | null; landedAt: string | null; currency: string }> {
  const [[v], settings] = await Promise.all([listLandedCosts(shop, [variantId]), findLandedCostSettings(shop)]);
  return {
    unitCost: v?.unitCost ? normaliseUnitCost(v.unitCost.toFixed()) : null,
    landedUnitCost: v?.landedUnitCost ? normaliseUnitCost(v.landedUnitCost.toFixed()) : null,
    landedAt: v?.landedCostAt?.toISOString() ?? null,
    currency: settings?.currencyCode ?? "USD",
  };
}
