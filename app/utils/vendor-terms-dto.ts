// What the vendor page's "Vendor SKUs and prices" card shows: the service builds it, the component renders it.

/** One variant the vendor supplies, with the vendor's own SKU and price ("" when not set). */
export interface VendorTermsRow {
  variantId: string;
  product: string;
  variant: string;
  sku: string | null;
  vendorSku: string;
  vendorPrice: string;
}
