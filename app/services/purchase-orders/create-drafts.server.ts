// Drafting purchase orders from the latest plan: the selected replenishment lines, grouped by vendor ×
// destination location, become one draft PO each, numbered PO-1001, PO-1002 … per shop.
import { recordAudit } from "~/models/audit.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import {
  addPurchaseOrderLine,
  createPurchaseOrder,
  findOpenDraft,
  findReplenishmentLinesForOrdering,
  listPurchaseOrderNumbers,
  lookupOrderingData,
  setPurchaseOrderLineQuantity,
  updatePurchaseOrderIfVersion,
  type NewPurchaseOrder,
} from "~/models/purchase-orders.server";
import { findShop } from "~/models/shop.server";
import { listVendorPrices } from "~/models/vendor-terms.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import { isUniqueViolation } from "~/db.server";
import { PurchaseOrderError } from "./errors";
import { sumLines } from "./money";
import { localDatePlusDays, nextPoNumber } from "./numbering";
import { assertPermission, type PoActor } from "./permissions.server";
import { PO_ENTITY } from "./lifecycle.server";
import { matchingSelection } from "~/services/replenishment.server";
import { parseReplenishmentQuery } from "~/utils/planning-options";

const MAX_ATTEMPTS = 5;

/**
 * "Select all N matching lines": drafts POs (as createDraftPurchaseOrders) from every line of the latest plan
 * matching the Replenishment screen's filters, given as its query string.
 */
export async function draftMatchingLines(shop: string, actor: PoActor, replenishmentQuery: string, options: { now?: Date; separate?: boolean } = {}): Promise<CreatedDraft[]> {
  const parsed = parseReplenishmentQuery(new URLSearchParams(replenishmentQuery));
  if (!parsed) throw new PurchaseOrderError("invalid", "Those filters are not valid — reload the page and try again");
  await assertPermission(shop, actor, "edit", "draft", undefined);
  const matching = await matchingSelection(shop, parsed.query);
  if (!matching.ok) throw new PurchaseOrderError("invalid", matching.error);
  return createDraftPurchaseOrders(shop, actor, matching.lineIds, options);
}

export interface CreatedDraft {
  id: string;
  number: string;
  vendorId: string;
  destinationLocationId: string;
  lineCount: number;
  /** True when the lines went into an open draft of the same vendor × destination instead of a new PO. */
  merged: boolean;
}

/**
 * Creates one draft PO per vendor × destination location from the chosen lines of the shop's latest complete
 * plan, or, unless `separate` is asked for, adds them to that vendor × destination's open draft (quantities of
 * a variant already on it add up), so one supplier gets one PO. Quantity = the merchant's edited quantity, else the suggestion (lines at 0 are skipped); unit cost =
 * the variant's, in the shop's currency; expected date = the shop's today + the vendor's stated lead time. Numbers are taken under the
 * (shop, number) unique constraint: a concurrent draft that takes the same number makes this retry.
 */
export async function createDraftPurchaseOrders(
  shop: string,
  actor: PoActor,
  replenishmentLineIds: string[],
  options: { now?: Date; separate?: boolean } = {},
): Promise<CreatedDraft[]> {
  const ids = [...new Set(replenishmentLineIds)];
  if (ids.length === 0) throw new PurchaseOrderError("invalid", "Select at least one line to order");
  await assertPermission(shop, actor, "edit", "draft", undefined);
  const run = await latestCompletePlanRun(shop);
  if (!run) throw new PurchaseOrderError("invalid", "There is no plan yet — run planning first");
  const lines = await findReplenishmentLinesForOrdering(shop, run.id, ids);
  if (lines.length !== ids.length) {
    throw new PurchaseOrderError("invalid", "Some selected lines are no longer in the latest plan — reload and select again");
  }
  const withoutVendor = lines.filter((l) => !l.vendorId).length;
  if (withoutVendor) {
    throw new PurchaseOrderError("invalid", `${withoutVendor} selected line${withoutVendor === 1 ? " has" : "s have"} no vendor — set the product's vendor first`);
  }
  const toOrder = lines.filter((l) => (l.editedQty ?? l.suggestedQty) > 0);
  if (toOrder.length === 0) throw new PurchaseOrderError("invalid", "Nothing to order: the selected lines are all at 0 units");

  const data = await lookupOrderingData(shop, {
    variantIds: toOrder.map((l) => l.variantId),
    vendorIds: toOrder.map((l) => l.vendorId!),
    locationIds: toOrder.map((l) => l.locationId),
  });
  const shopRow = await findShop(shop);
  const vendorPrices = await listVendorPrices(shop, toOrder.map((l) => l.variantId));
  const timeZone = shopRow?.ianaTimezone ?? "UTC";
  // Unit costs come from Shopify's variants, which hold them in the shop's currency (not the vendor's).
  const currency = shopRow?.currencyCode ?? "USD";
  const now = options.now ?? new Date();

  const groups = new Map<string, typeof toOrder>();
  for (const line of toOrder) {
    const key = `${line.vendorId}\u0000${line.locationId}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const drafts: Omit<NewPurchaseOrder, "number">[] = [...groups.values()]
    .map((group) => {
      const vendor = data.vendors.get(group[0].vendorId!);
      if (!vendor) throw new PurchaseOrderError("invalid", "A selected line's vendor no longer exists — re-plan and try again");
      return {
        vendorId: vendor.id,
        destinationLocationId: group[0].locationId,
        currency,
        expectedAt: localDatePlusDays(now, timeZone, vendor.statedLeadTimeDays),
        createdBy: actor.staffId,
        lines: group
          .map((l) => ({
            variantId: l.variantId,
            quantityOrdered: l.editedQty ?? l.suggestedQty,
            // The vendor's own price when it is in the PO's currency (docs/vendors.md), else Shopify's cost.
            unitCost:
              (vendor.currency === currency ? vendorPrices.get(`${vendor.id}|${l.variantId}`) : undefined) ??
              (data.variants.get(l.variantId)?.unitCost ?? l.unitCost)?.toFixed() ??
              "0",
          }))
          .sort((a, b) => a.variantId.localeCompare(b.variantId)),
        sortKey: `${vendor.name}\u0000${data.locations.get(group[0].locationId)?.name ?? ""}`,
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
    .map(({ sortKey: _sortKey, ...d }) => d);

  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(async (tx) => {
        let next = nextPoNumber(await listPurchaseOrderNumbers(shop, tx));
        const created: CreatedDraft[] = [];
        for (const draft of drafts) {
          const open = options.separate ? null : await findOpenDraft(shop, draft.vendorId, draft.destinationLocationId, tx);
          if (open) {
            created.push(await mergeIntoDraft(shop, actor, open, draft.lines, run.id, tx));
            continue;
          }
          const po = await createPurchaseOrder(shop, { ...draft, number: `PO-${next++}` }, tx);
          await recordAudit(
            shop,
            {
              actor: actor.staffId,
              action: "purchase_order.created",
              entityType: PO_ENTITY,
              entityId: po.id,
              before: null,
              after: {
                number: po.number,
                status: po.status,
                version: po.version,
                vendorId: po.vendorId,
                destinationLocationId: po.destinationLocationId,
                planRunId: run.id,
                lines: draft.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantityOrdered, unitCost: l.unitCost })),
                total: sumLines(draft.lines.map((l) => ({ quantity: l.quantityOrdered, unitCost: l.unitCost }))),
              },
            },
            tx,
          );
          created.push({ id: po.id, number: po.number, vendorId: po.vendorId, destinationLocationId: po.destinationLocationId, lineCount: po.lines.length, merged: false });
        }
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

type OpenDraft = NonNullable<Awaited<ReturnType<typeof findOpenDraft>>>;

/** Adds lines to an open draft (a variant already on it gets the sum), bumps its version and audits before and after. */
async function mergeIntoDraft(shop: string, actor: PoActor, po: OpenDraft, lines: NewPurchaseOrder["lines"], planRunId: string, tx: Db): Promise<CreatedDraft> {
  const byVariant = new Map(po.lines.map((l) => [l.variantId, l]));
  const before = po.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantityOrdered }));
  for (const line of lines) {
    const existing = byVariant.get(line.variantId);
    if (existing) await setPurchaseOrderLineQuantity(shop, existing.id, existing.quantityOrdered + line.quantityOrdered, tx);
    else await addPurchaseOrderLine(shop, po.id, line, tx);
  }
  // Someone edited or submitted the draft meanwhile: nothing is merged (the transaction rolls back).
  if ((await updatePurchaseOrderIfVersion(shop, po.id, po.version, {}, tx)) === 0) {
    throw new PurchaseOrderError("conflict", `${po.number} changed while adding to it — reload and try again`);
  }
  const after = new Map(before.map((l) => [l.variantId, l.quantity]));
  for (const line of lines) after.set(line.variantId, (after.get(line.variantId) ?? 0) + line.quantityOrdered);
  await recordAudit(
    shop,
    {
      actor: actor.staffId,
      action: "purchase_order.lines_merged",
      entityType: PO_ENTITY,
      entityId: po.id,
      before: { version: po.version, lines: before },
      after: { version: po.version + 1, planRunId, lines: [...after].map(([variantId, quantity]) => ({ variantId, quantity })) },
    },
    tx,
  );
  return { id: po.id, number: po.number, vendorId: po.vendorId, destinationLocationId: po.destinationLocationId, lineCount: after.size, merged: true };
}
