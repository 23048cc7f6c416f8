import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { PlaceholderPage } from "~/components/PlaceholderPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function ReplenishmentPage() {
  return (
    <PlaceholderPage
      title="Replenishment"
      heading="What to order now"
      body="Suggested order quantities per variant and location appear here after the first planning run."
    />
  );
}
