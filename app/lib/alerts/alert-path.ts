/**
 * The admin link of what an alert is about, relative to the app: a PO's page, a variant's forecast at the
 * location, the vendors list or settings; null for an unknown entity type.
 * @example alertPath({ entityType: "variant_location", entityId: "v1|l1" }) // "/app/forecasts/v1?location=l1"
 */
export function alertPath(a: { entityType: string; entityId: string }): string | null {
  if (a.entityType === "purchase_order") return `/app/purchase-orders/${a.entityId}`;
  if (a.entityType === "variant_location") {
    const [variantId, locationId] = a.entityId.split("|");
    return `/app/forecasts/${variantId}?location=${locationId}`;
  }
  if (a.entityType === "vendor") return "/app/vendors";
  if (a.entityType === "shop") return "/app/settings";
  return null;
}
