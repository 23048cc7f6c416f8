// Settings → Sync health: webhook and job health, re-processing a failed webhook, and the backfill.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Layout } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { SyncHealthCard, type BackfillActionResult, type ReprocessActionResult } from "~/components/settings/SyncHealthCard";
import { enqueueBackfill } from "~/jobs/backfill.server";
import { getJobQueue } from "~/jobs/index.server";
import { getSyncStatus } from "~/services/settings.server";
import { ActionBusyError, busyHeaders, singleFlight } from "~/services/single-flight.server";
import { reprocessWebhookEvent } from "~/services/sync/process-webhook.server";
import { FORM } from "~/utils/form-errors";
import { reprocessForm } from "../app.settings/schema";
import { readSettingsPost } from "../app.settings/section.server";
import { useSettingsSection } from "../app.settings/use-section";

export const ACTION_INTENTS = ["reprocess", "backfill"] as const;

type SyncActionResult = ReprocessActionResult | BackfillActionResult;

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, mode } = await requireAdmin(request);
  return json({ mode, sync: await getSyncStatus(shop) });
}

export async function action({ request }: ActionFunctionArgs) {
  const post = await readSettingsPost(request, ACTION_INTENTS);
  if (post instanceof Response) return post;
  const { admin } = post;
  if (post.intent === "reprocess") {
    const parsed = reprocessForm.safeParse(post.fields, FORM);
    if (!parsed.success) throw new Response("Missing event id", { status: 400 });
    const { outcome, error } = await reprocessWebhookEvent(admin.shop, parsed.data.eventId);
    if (outcome === "missing") throw new Response("Webhook event not found", { status: 404 });
    return json<SyncActionResult>({ intent: "reprocess", eventId: parsed.data.eventId, outcome, error });
  }
  if (admin.mode === "demo") return json<SyncActionResult>({ intent: "backfill", ok: false, message: "The demo shop has no Shopify store to read from." }, { status: 400 });
  let jobId: string | null;
  try {
    jobId = await singleFlight(admin.shop, "backfill", () => enqueueBackfill(getJobQueue(), admin.shop));
  } catch (error) {
    if (!(error instanceof ActionBusyError)) throw error;
    return json<SyncActionResult>({ intent: "backfill", ok: false, message: error.message }, { status: 429, headers: busyHeaders(error) });
  }
  return json<SyncActionResult>({
    intent: "backfill",
    ok: true,
    message: jobId ? "Backfill queued. Progress appears here as it runs." : "A backfill is already queued or running.",
  });
}

export default function SyncSettingsSection() {
  const { data, result, pending, pendingValue, post } = useSettingsSection<typeof loader, SyncActionResult>();
  return (
    <Layout>
      <Layout.AnnotatedSection id="sync" title="Sync health" description="Shopify keeps Stockcast up to date through webhooks; the backfill reads the history once at install.">
        <SyncHealthCard
          health={data.sync.health}
          backfill={data.sync.backfill}
          demo={data.mode === "demo"}
          pendingEventId={pending === "reprocess" ? pendingValue("eventId") : null}
          backfillPending={pending === "backfill"}
          reprocessResult={result?.intent === "reprocess" ? result : null}
          backfillResult={result?.intent === "backfill" ? result : null}
          onReprocess={(eventId) => post("reprocess", { eventId })}
          onRunBackfill={() => post("backfill")}
        />
      </Layout.AnnotatedSection>
    </Layout>
  );
}
