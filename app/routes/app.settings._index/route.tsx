// Settings → Planning (the index of /app/settings): the shop's planning parameters (lib/settings).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Layout } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { PlanningSettingsCard, type SaveActionResult } from "~/components/settings/PlanningSettingsCard";
import { replanShopSoon } from "~/jobs/replan-soon.server";
import { planningSettingsSchema } from "~/lib/settings";
import { getPlanningSettings, savePlanningSettings, ShopNotFoundError } from "~/services/settings.server";
import { FORM } from "~/utils/form-errors";
import { fieldErrors } from "../app.settings/schema";
import { readSettingsPost } from "../app.settings/section.server";
import { useSettingsSection } from "../app.settings/use-section";

export const ACTION_INTENTS = ["save-settings"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, mode } = await requireAdmin(request);
  const planning = await getPlanningSettings(shop).catch((error) => {
    if (error instanceof ShopNotFoundError) throw new Response("This shop is not installed", { status: 404 });
    throw error;
  });
  return json({ mode, planning });
}

export async function action({ request }: ActionFunctionArgs) {
  const post = await readSettingsPost(request, ACTION_INTENTS);
  if (post instanceof Response) return post;
  const parsed = planningSettingsSchema.safeParse(post.fields, FORM);
  if (!parsed.success) return json<SaveActionResult>({ intent: "save-settings", ok: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const { changed } = await savePlanningSettings(post.admin.shop, post.actor.staffId, parsed.data);
  // Service levels, horizon and costs move every line: a full plan, queued (one waiting per shop).
  if (changed) await replanShopSoon(post.admin.shop);
  return json<SaveActionResult>({ intent: "save-settings", ok: true, changed });
}

export default function PlanningSettingsSection() {
  const { data, result, pending, post } = useSettingsSection<typeof loader, SaveActionResult>();
  return (
    <Layout>
      <Layout.AnnotatedSection id="planning" title="Planning parameters" description="How much safety stock to keep and how orders are sized. Changes apply from the next plan.">
        <PlanningSettingsCard
          settings={data.planning.settings}
          currencyCode={data.planning.currencyCode}
          saving={pending === "save-settings"}
          result={result?.intent === "save-settings" ? result : null}
          onSave={(values) => post("save-settings", values)}
        />
      </Layout.AnnotatedSection>
    </Layout>
  );
}
