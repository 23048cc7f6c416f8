import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { PlaceholderPage } from "~/components/PlaceholderPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function PurchaseOrdersPage() {
  return (
    <PlaceholderPage
      title="Purchase orders"
      heading="No purchase orders yet"
      body="Draft purchase orders from the Replenishment screen, then approve, send and receive them here."
    />
  );
}
