import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { searchVariantsToAdd } from "~/services/purchase-orders/edits.server";
import { HTTP_STATUS, NOT_FOUND_MESSAGE, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { demoStaffFromCookieHeader, resolveActor } from "~/services/permissions.server";

// GET /app/purchase-orders/:id/variants?q=… → variants of the PO's vendor to add as lines (the PO page's
// "Add a line" search). Empty when the lines can't be edited; 403 for viewers; 404 for another shop's PO.
const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const querySchema = z.object({ q: z.string().max(100).default("") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const p = paramsSchema.safeParse(params);
  const q = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!p.success) throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
  if (!q.success) return json({ variants: [], error: "Search with at most 100 characters" }, { status: 400 });
  const { actor } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  try {
    return json({ variants: await searchVariantsToAdd(ctx.shop, actor, p.data.id, q.data.q), error: null });
  } catch (error) {
    if (!isPurchaseOrderError(error)) throw error;
    if (error.code === "not_found") throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
    return json({ variants: [], error: error.message }, { status: HTTP_STATUS[error.code] });
  }
}
