// Stockcast stores no customer data (docs/privacy.md). Raw webhook payloads are kept for processing and
// re-processing, so customer fields are dropped before a payload is stored. None of them feed demand.

const CUSTOMER_KEYS = new Set([
  "customer",
  "email",
  "contact_email",
  "phone",
  "billing_address",
  "shipping_address",
  "default_address",
  "addresses",
  "client_details",
  "browser_ip",
  "note",
  "note_attributes",
  "customer_locale",
  "first_name",
  "last_name",
  "landing_site",
  "referring_site",
  "user_id",
  "device_id",
]);

/** A deep copy of `value` without customer fields (at any depth). */
export function redactCustomerFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactCustomerFields);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !CUSTOMER_KEYS.has(key))
        .map(([key, v]) => [key, redactCustomerFields(v)]),
    );
  }
  return value;
}
