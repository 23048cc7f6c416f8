import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { PlaceholderPage } from "~/components/PlaceholderPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function AlertsPage() {
  return (
    <PlaceholderPage
      title="Alerts"
      heading="No alerts"
      body="Stockout risks, overdue purchase orders and sync problems will be raised here before customers notice."
    />
  );
}
