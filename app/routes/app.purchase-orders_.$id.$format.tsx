import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { NOT_FOUND_MESSAGE, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { downloadPurchaseOrder } from "~/services/purchase-orders/po-document.server";
import { ActionBusyError, busyHeaders, singleFlight } from "~/services/single-flight.server";

// GET /app/purchase-orders/:id/pdf and /app/purchase-orders/:id/csv → the PO as a PDF or CSV download (any
// status; 404 for another shop's PO or any other format).
const paramsSchema = z.object({ id: z.string().min(1).max(64), format: z.enum(["pdf", "csv"]) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
  try {
    const file = await singleFlight(shop, "export", () => downloadPurchaseOrder(shop, parsed.data.id, parsed.data.format));
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Content-Length": String(file.body.length),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ActionBusyError) throw new Response(error.message, { status: 429, headers: busyHeaders(error) });
    if (isPurchaseOrderError(error) && error.code === "not_found") throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
    throw error;
  }
}
