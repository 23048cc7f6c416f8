import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { exportReplenishmentCsv } from "~/services/replenishment.server";
import { ActionBusyError, busyHeaders, singleFlight } from "~/services/single-flight.server";
import { parseReplenishmentQuery } from "~/utils/planning-options";

// GET /app/replenishment/export?<same filters as the screen> → the matching lines as a CSV download.
export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = parseReplenishmentQuery(new URL(request.url).searchParams);
  if (!parsed) throw new Response("Invalid filters", { status: 400 });
  let csv: string;
  try {
    csv = await singleFlight(shop, "export", () => exportReplenishmentCsv(shop, parsed.query));
  } catch (error) {
    if (error instanceof ActionBusyError) throw new Response(error.message, { status: 429, headers: busyHeaders(error) });
    throw error;
  }
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="stockcast-replenishment.csv"` },
  });
}
