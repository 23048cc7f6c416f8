import { z } from "zod";

// The query parameters Shopify's admin auth reads (`shop`, `host`, `exitIframe`), checked before the
// library sees them: malformed ones made it throw TypeErrors (a 500) instead of answering 400.
// The patterns mirror @shopify/shopify-api's sanitizeShop / sanitizeHost.
const DOMAINS = String.raw`(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)`;
const SHOP = new RegExp(String.raw`^([a-zA-Z0-9][a-zA-Z0-9-_]*\.${DOMAINS}/*|admin\.${DOMAINS}/store/[a-zA-Z0-9][a-zA-Z0-9-_]*)$`);

function hostParses(host: string): boolean {
  if (!/^[0-9a-zA-Z+/]+={0,2}$/.test(host)) return true; // the library ignores such a host itself
  try {
    new URL(`https://${atob(host)}`);
    return true;
  } catch {
    return false;
  }
}

/** An exit-iframe destination: a path of this app, or an https URL (the library then checks its origin). */
function destinationParses(destination: string): boolean {
  if (destination.startsWith("/") && !destination.startsWith("//")) return true;
  try {
    return new URL(destination).protocol === "https:";
  } catch {
    return false;
  }
}

const params = z.object({
  shop: z.string().regex(SHOP, "shop must be a shop domain like example.myshopify.com").optional(),
  host: z.string().refine(hostParses, "host must be the base64 admin host Shopify sends").optional(),
  exitIframe: z.string().refine(destinationParses, "exitIframe must be a path of this app or an https URL").optional(),
});

/** null when the auth parameters of `url` are well formed (or absent), else what is wrong, for a 400. */
export function adminParamsProblem(url: URL): string | null {
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const parsed = params.safeParse({ shop: get("shop"), host: get("host"), exitIframe: get("exitIframe") });
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join("; ");
}
