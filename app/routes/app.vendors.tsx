import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { PlaceholderPage } from "~/components/PlaceholderPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function VendorsPage() {
  return (
    <PlaceholderPage
      title="Vendors"
      heading="Vendor scorecards"
      body="On-time rate, fill rate and observed lead times per vendor appear here once purchase orders are received."
    />
  );
}
