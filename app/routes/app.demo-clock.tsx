import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { demoClockFromCookieHeader, demoClockSetCookie } from "~/utils/clock.server";

// Demo mode only: moves the app's clock (app/utils/clock.server.ts) with a cookie. Anywhere else: 404.
// No role check: it changes only this browser's cookie, never the shop's data, so a demo viewer may use it.
const schema = z.object({
  at: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?)?$/, "Enter a date as YYYY-MM-DD")
    .refine((v) => v === "" || !Number.isNaN(Date.parse(v)), "Enter a real date"),
  redirectTo: z
    .string()
    .regex(/^\/app(\/[\w/-]*)?$/, "Only app pages")
    .default("/app/alerts"),
});

async function requireDemo(request: Request) {
  const ctx = await requireAdmin(request);
  if (ctx.mode !== "demo") throw new Response("Not found", { status: 404 });
  return ctx;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDemo(request);
  const at = demoClockFromCookieHeader(request.headers.get("Cookie"));
  return json({ demoClock: at?.toISOString() ?? null });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireDemo(request);
  const form = await request.formData();
  const parsed = schema.safeParse({ at: form.get("at") ?? "", redirectTo: form.get("redirectTo") ?? undefined });
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid date" }, { status: 400 });
  const { at, redirectTo } = parsed.data;
  // A bare date means noon UTC of that day: the same calendar day in every demo time zone that matters.
  const instant = at === "" ? null : new Date(at.length === 10 ? `${at}T12:00:00Z` : at);
  return redirect(redirectTo, { headers: { "Set-Cookie": demoClockSetCookie(instant) } });
}
