/**
 * Headers every HTML document carries besides Shopify's (OWASP Secure Headers). Shopify's helper sets the
 * CSP frame-ancestors that lets the admin embed a page only when the request names a shop; a document
 * without one (e.g. /auth/login opened directly) must not be framed by anyone.
 */
export function addSecurityHeaders(headers: Headers): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  // Browsers ignore it over plain http (the demo); behind Shopify's https it pins https for a year.
  headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (!headers.has("Content-Security-Policy")) {
    headers.set("Content-Security-Policy", "frame-ancestors 'none';");
    headers.set("X-Frame-Options", "DENY");
  }
}
