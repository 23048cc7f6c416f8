import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { matchingSelection } from "~/services/replenishment.server";
import { parseReplenishmentQuery } from "~/utils/planning-options";

// GET /app/replenishment/matching?<the screen's filters> → the totals of every matching line, which "Select all
// N matching lines" shows before the merchant drafts them (the ids stay on the server, which resolves them again).
export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = parseReplenishmentQuery(new URL(request.url).searchParams);
  if (!parsed) throw new Response("Invalid filters", { status: 400 });
  const matching = await matchingSelection(shop, parsed.query);
  return json(matching.ok ? { totals: matching.totals, error: null } : { totals: null, error: matching.error });
}
