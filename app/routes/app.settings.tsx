import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { PlaceholderPage } from "~/components/PlaceholderPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function SettingsPage() {
  return (
    <PlaceholderPage
      title="Settings"
      heading="Settings"
      body="Service levels, lead times, notification channels, staff roles and sync health will be configured here."
    />
  );
}
