import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { requireAdmin } from "~/auth.server";
import { PlanStatusLine } from "~/components/PlanStatusLine";
import { getPlanStatus } from "~/services/planning/plan-status.server";
import { OverviewDashboard } from "~/components/overview/OverviewDashboard";
import { useUrlFilters } from "~/components/use-url-filters";
import { getOverview, overviewFilterSchema } from "~/services/overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const filters = overviewFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [overview, status] = await Promise.all([getOverview(shop, filters), getPlanStatus(shop)]);
  return json({ ...overview, status });
}

export default function OverviewPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { update } = useUrlFilters();
  // Skeletons while the Overview itself reloads with new filters (not while leaving it).
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app";
  return (
    <OverviewDashboard
      data={data}
      loading={loading}
      update={update}
      statusLine={<PlanStatusLine updatedLabel={data.status.updatedLabel} replanning={data.status.replanning} />}
    />
  );
}
