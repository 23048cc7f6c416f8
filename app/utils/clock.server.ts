// The app's clock. Real time everywhere, except in demo mode, where a demo-only cookie set from
// /app/demo-clock moves "now" (so a demo — or a browser test — can show a snoozed alert coming back after its
// date). Outside demo mode the cookie is ignored and the route refuses to set it.
import { env } from "~/utils/env.server";

export const DEMO_CLOCK_COOKIE = "stockcast_demo_clock";

/** The demo clock's instant from a Cookie header, or null when absent or not a valid ISO date/time. */
export function demoClockFromCookieHeader(header: string | null | undefined): Date | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== DEMO_CLOCK_COOKIE) continue;
    const value = decodeURIComponent(rest.join("="));
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value)) return null;
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  return null;
}

/**
 * "Now" for a request: real time, or — in demo mode only — the instant of the demo clock cookie.
 * `demoMode` and `realNow` are parameters for tests.
 */
export function now(request?: Request | null, options: { demoMode?: boolean; realNow?: Date } = {}): Date {
  const real = options.realNow ?? new Date();
  if (!(options.demoMode ?? env.demoMode) || !request) return real;
  return demoClockFromCookieHeader(request.headers.get("Cookie")) ?? real;
}

/** Set-Cookie value moving the demo clock to `at`, or clearing it (back to real time) when null. */
export function demoClockSetCookie(at: Date | null): string {
  if (at === null) return `${DEMO_CLOCK_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  return `${DEMO_CLOCK_COOKIE}=${encodeURIComponent(at.toISOString())}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;
}
