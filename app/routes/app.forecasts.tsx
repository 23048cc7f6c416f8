import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { PlaceholderPage } from "~/components/PlaceholderPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function ForecastsPage() {
  return (
    <PlaceholderPage
      title="Forecasts"
      heading="Demand forecasts"
      body="Each variant's forecast, demand class and accuracy appear here after the first planning run."
    />
  );
}
