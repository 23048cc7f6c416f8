// Settings: one page with a tab per section (planning, sync, import, notifications, staff, purchase orders).
// Each section is its own nested route with its own loader and action; this layout only shows the title,
// the viewer banner and the tabs. /app/settings itself shows the first section (Planning).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { BlockStack, Page, Tabs } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { canChange } from "~/services/permissions.server";

/** The sections, in tab order; the first is the index route. */
const SECTIONS = [
  { id: "planning", content: "Planning", url: "/app/settings" },
  { id: "sync", content: "Sync health", url: "/app/settings/sync" },
  { id: "import", content: "Import history", url: "/app/settings/import" },
  { id: "notifications", content: "Notifications", url: "/app/settings/notifications" },
  { id: "staff", content: "Staff roles", url: "/app/settings/staff" },
  { id: "purchase-orders", content: "Purchase orders", url: "/app/settings/purchase-orders" },
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  return json({ canChange: await canChange(admin, request) });
}

export default function SettingsLayout() {
  const { canChange: editable } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const path = pathname.replace(/\/+$/, "");
  const selected = Math.max(0, SECTIONS.findIndex((s) => s.url === path));
  return (
    <Page title="Settings" subtitle="Planning parameters, Shopify sync, history import, notifications and staff roles">
      <BlockStack gap="400">
        <ViewerBanner canChange={editable} />
        {/* The query string carries the embedded admin's host and shop: keep it when switching section. */}
        <Tabs tabs={SECTIONS.map((s) => ({ id: s.id, content: s.content }))} selected={selected} onSelect={(i) => navigate(`${SECTIONS[i].url}${search}`)} />
        <Outlet />
      </BlockStack>
    </Page>
  );
}
