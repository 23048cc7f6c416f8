import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { importActive, REFRESH_WHILE_IMPORTING_MS } from "~/components/settings/ImportStatus";
import { useRevalidateWhile } from "~/components/use-revalidate-while";
import { ImportCard, type ImportActionResult } from "~/components/settings/ImportCard";
import { NotificationsCard, type NotificationActionResult } from "~/components/settings/NotificationsCard";
import { ApprovalRulesCard, type ApprovalRulesActionResult } from "~/components/settings/ApprovalRulesCard";
import { ApprovalRulesError, getApprovalRules, saveApprovalRules } from "~/services/approval-rules.server";
import { LandedCostSettingCard, type LandedCostActionResult } from "~/components/settings/LandedCostSettingCard";
import { getLandedCostSetting, saveLandedCostSetting } from "~/services/purchase-orders/landed-cost.server";
import { PlanningSettingsCard, type SaveActionResult } from "~/components/settings/PlanningSettingsCard";
import { StaffRolesCard, type StaffActionResult } from "~/components/settings/StaffRolesCard";
import { SyncHealthCard, type BackfillActionResult, type ReprocessActionResult } from "~/components/settings/SyncHealthCard";
import { enqueueBackfill } from "~/jobs/backfill.server";
import { getJobQueue } from "~/jobs/index.server";
import { replanShopSoon } from "~/jobs/replan-soon.server";
import { enqueueImport } from "~/jobs/import.server";
import type { ImportRequest } from "~/services/csv-import/import.server";
import { queueImport } from "~/services/csv-import/queue-import.server";
import { ChannelInputError, ChannelNotFoundError, getNotificationSettings, removeChannel, saveChannel, sendTestNotification } from "~/services/notifications/channels.server";
import { canChange, guardChange, type Actor } from "~/services/permissions.server";
import {
  getPlanningSettings,
  getStaffRoles,
  getSyncStatus,
  removeStaffRole,
  savePlanningSettings,
  saveStaffRole,
  ShopNotFoundError,
  StaffRoleError,
} from "~/services/settings.server";
import { ActionBusyError, busyHeaders, singleFlight } from "~/services/single-flight.server";
import type { QueuedImport } from "~/utils/import-result";
import { reprocessWebhookEvent } from "~/services/sync/process-webhook.server";
import {
  approvalRulesForm,
  landedCostForm,
  channelForm,
  channelIdForm,
  fieldErrors,
  importForm,
  INTENTS,
  intentSchema,
  MAX_IMPORT_ROWS,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  reprocessForm,
  staffIdForm,
  staffRoleForm,
} from "./schema";
import { FORM } from "~/utils/form-errors";
import { planningSettingsSchema } from "~/lib/settings";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const { shop, mode } = admin;
  const planning = await getPlanningSettings(shop).catch((error) => {
    if (error instanceof ShopNotFoundError) throw new Response("This shop is not installed", { status: 404 });
    throw error;
  });
  const [sync, notifications, staff, editable, approvalRules, landedCost] = await Promise.all([
    getSyncStatus(shop),
    getNotificationSettings(shop),
    getStaffRoles(shop),
    canChange(admin, request),
    getApprovalRules(shop),
    getLandedCostSetting(shop),
  ]);
  return json({ mode, planning, sync, notifications, staff, approvalRules, landedCost, maxUploadMb: MAX_UPLOAD_MB, maxImportRows: MAX_IMPORT_ROWS, canChange: editable });
}

export type SettingsActionResult =
  | SaveActionResult
  | ReprocessActionResult
  | BackfillActionResult
  | ImportActionResult
  | NotificationActionResult
  | StaffActionResult
  | ApprovalRulesActionResult
  | LandedCostActionResult;

type Intent = (typeof INTENTS)[number];

/** Staff roles keep their own, stricter rule (only owners; the store's account owner is recognised through Shopify: settings.server.ts). */
const OWNER_RULED: readonly Intent[] = ["save-staff", "delete-staff"];

/** A viewer's refusal in the shape each card of the screen shows. */
function refused(intent: Intent, message: string) {
  const body: SettingsActionResult =
    intent === "reprocess"
      ? { intent, eventId: "", outcome: "skipped", error: message }
      : intent === "save-settings" || intent === "import"
        ? { intent, ok: false, fieldErrors: { form: message, ...(intent === "import" ? { file: message } : {}) } }
        : { intent: intent as "backfill", ok: false, message };
  return json<SettingsActionResult>(body, { status: 403 });
}

/** Handles Settings → Notifications and Staff roles; null for other intents. */
async function notificationsAndStaff(intent: string, admin: Awaited<ReturnType<typeof requireAdmin>>, actor: Actor, fields: Record<string, string>) {
  if (!/-(channel|staff)$/.test(intent)) return null;
  try {
    switch (intent) {
      case "save-channel": {
        const parsed = channelForm.safeParse(fields, FORM);
        if (!parsed.success) return json<SettingsActionResult>({ intent, ok: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
        const { id, ...input } = parsed.data;
        const channelId = await saveChannel(admin.shop, actor.staffId, input, id);
        return json<SettingsActionResult>({ intent, ok: true, channelId, message: id ? "Channel saved." : "Channel added." });
      }
      case "delete-channel": {
        const parsed = channelIdForm.safeParse(fields, FORM);
        if (!parsed.success) throw new Response("Missing channel id", { status: 400 });
        await removeChannel(admin.shop, actor.staffId, parsed.data.id);
        return json<SettingsActionResult>({ intent, ok: true, channelId: parsed.data.id, message: "Channel deleted." });
      }
      case "test-channel": {
        const parsed = channelIdForm.safeParse(fields, FORM);
        if (!parsed.success) throw new Response("Missing channel id", { status: 400 });
        const outcome = await sendTestNotification(admin.shop, actor.staffId, parsed.data.id);
        return json<SettingsActionResult>(
          outcome.ok
            ? { intent, ok: true, channelId: parsed.data.id, message: "Test message sent. Check that it arrived." }
            : { intent, ok: false, channelId: parsed.data.id, message: `The test message was not delivered: ${outcome.error}` },
          { status: outcome.ok ? 200 : 502 },
        );
      }
      case "save-staff": {
        const parsed = staffRoleForm.safeParse(fields, FORM);
        if (!parsed.success) return json<SettingsActionResult>({ intent, ok: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
        const { id, ...input } = parsed.data;
        const saved = await saveStaffRole(admin.shop, { ...actor, identify: admin.identify }, input, id);
        return json<SettingsActionResult>({ intent, ok: true, staffRoleId: saved.id, message: id ? `${saved.name}'s role saved.` : `${saved.name} added.` });
      }
      case "delete-staff": {
        const parsed = staffIdForm.safeParse(fields, FORM);
        if (!parsed.success) throw new Response("Missing staff id", { status: 400 });
        await removeStaffRole(admin.shop, { ...actor, identify: admin.identify }, parsed.data.id);
        return json<SettingsActionResult>({ intent, ok: true, staffRoleId: parsed.data.id, message: "Staff member removed." });
      }
    }
  } catch (error) {
    if (error instanceof ChannelInputError)
      return json<SettingsActionResult>({ intent: intent as "save-channel", ok: false, fieldErrors: { [error.field]: error.message } }, { status: 400 });
    if (error instanceof ChannelNotFoundError) return json<SettingsActionResult>({ intent: intent as "save-channel", ok: false, message: error.message }, { status: 404 });
    if (error instanceof StaffRoleError)
      return json<SettingsActionResult>({ intent: intent as "save-staff", ok: false, fieldErrors: { [error.field]: error.message } }, { status: error.status });
    throw error;
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  let form: FormData;
  try {
    // Multipart (the import) is read into memory up to the limit; other forms are read as usual.
    const multipart = /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
    form = multipart
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }))
      : await request.formData();
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return json<SettingsActionResult>(
      { intent: "import", ok: false, fieldErrors: { file: `This file is larger than ${MAX_UPLOAD_MB} MB. Split it into smaller files (for example one per year) and import each.` } },
      { status: 413 },
    );
  }
  const intent = intentSchema.safeParse(form.get("intent"), FORM);
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const { actor, refusal } = await guardChange(admin, request);
  if (refusal && !OWNER_RULED.includes(intent.data)) return refused(intent.data, refusal);
  const fields = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));

  const handled = await notificationsAndStaff(intent.data, admin, actor, fields);
  if (handled) return handled;

  switch (intent.data) {
    case "save-settings": {
      const parsed = planningSettingsSchema.safeParse(fields, FORM);
      if (!parsed.success) return json<SettingsActionResult>({ intent: "save-settings", ok: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
      const { changed } = await savePlanningSettings(admin.shop, actor.staffId, parsed.data);
      // Service levels, horizon and costs move every line: a full plan, queued (one waiting per shop).
      if (changed) await replanShopSoon(admin.shop);
      return json<SettingsActionResult>({ intent: "save-settings", ok: true, changed });
    }
    case "save-approval-rules": {
      const parsed = approvalRulesForm.safeParse(fields, FORM);
      if (!parsed.success) throw new Response("Invalid approval rule", { status: 400 });
      try {
        const { changed } = await saveApprovalRules(admin.shop, actor, parsed.data.blockSelfApproval);
        return json<SettingsActionResult>({ intent: "save-approval-rules", ok: true, changed });
      } catch (error) {
        if (!(error instanceof ApprovalRulesError)) throw error;
        return json<SettingsActionResult>({ intent: "save-approval-rules", ok: false, message: error.message }, { status: 403 });
      }
    }
    case "save-landed-cost": {
      const parsed = landedCostForm.safeParse(fields, FORM);
      if (!parsed.success) throw new Response("Invalid landed cost setting", { status: 400 });
      const { changed } = await saveLandedCostSetting(admin.shop, actor, parsed.data.landedCostToShopify);
      return json<SettingsActionResult>({ intent: "save-landed-cost", ok: true, changed });
    }
    case "reprocess": {
      const parsed = reprocessForm.safeParse(fields, FORM);
      if (!parsed.success) throw new Response("Missing event id", { status: 400 });
      const { outcome, error } = await reprocessWebhookEvent(admin.shop, parsed.data.eventId);
      if (outcome === "missing") throw new Response("Webhook event not found", { status: 404 });
      return json<SettingsActionResult>({ intent: "reprocess", eventId: parsed.data.eventId, outcome, error });
    }
    case "backfill": {
      if (admin.mode === "demo")
        return json<SettingsActionResult>({ intent: "backfill", ok: false, message: "The demo shop has no Shopify store to read from." }, { status: 400 });
      let jobId: string | null;
      try {
        jobId = await singleFlight(admin.shop, "backfill", () => enqueueBackfill(getJobQueue(), admin.shop));
      } catch (error) {
        if (!(error instanceof ActionBusyError)) throw error;
        return json<SettingsActionResult>({ intent: "backfill", ok: false, message: error.message }, { status: 429, headers: busyHeaders(error) });
      }
      return json<SettingsActionResult>({
        intent: "backfill",
        ok: true,
        message: jobId ? "Backfill queued. Progress appears here as it runs." : "A backfill is already queued or running.",
      });
    }
    case "import": {
      const parsed = importForm.safeParse(fields, FORM);
      const file = form.get("file");
      const errors: Partial<Record<"kind" | "snapshotDate" | "file", string>> = parsed.success ? {} : fieldErrors(parsed.error);
      if (!(file instanceof Blob) || file.size === 0) errors.file = "Choose a CSV file to import.";
      if (!parsed.success || !(file instanceof Blob) || Object.keys(errors).length > 0)
        return json<SettingsActionResult>({ intent: "import", ok: false, fieldErrors: errors }, { status: 400 });
      const fileName = ("name" in file && typeof file.name === "string" && file.name) || "upload.csv";
      const req: ImportRequest =
        parsed.data.kind === "shopify-inventory" ? { kind: parsed.data.kind, fileName, snapshotDate: parsed.data.snapshotDate! } : { kind: parsed.data.kind, fileName };
      // The file is stored and queued; the import job reads and writes it. The card shows its progress.
      let result: QueuedImport;
      try {
        result = await queueImport(admin.shop, req, new Uint8Array(await file.arrayBuffer()), {
          actor: actor.staffId,
          enqueue: (batchId) => enqueueImport(getJobQueue(), admin.shop, batchId),
        });
      } catch (error) {
        if (!(error instanceof ActionBusyError)) throw error;
        return json<SettingsActionResult>({ intent: "import", ok: false, fieldErrors: { form: error.message, file: error.message } }, { status: 429, headers: busyHeaders(error) });
      }
      return json<SettingsActionResult>({ intent: "import", ok: true, fileName, result }, { status: result.status === "queued" ? 202 : 200 });
    }
  }
}

export default function SettingsPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SettingsActionResult | undefined;
  const navigation = useNavigation();
  const submit = useSubmit();
  const pending = navigation.state !== "idle" ? (navigation.formData?.get("intent") as string | null) : null;
  // A queued or running import: re-read until it has ended, so its progress and outcome appear.
  useRevalidateWhile(importActive(data.sync.imports[0]), REFRESH_WHILE_IMPORTING_MS);

  return (
    <Page title="Settings" subtitle="Planning parameters, Shopify sync, history import, notifications and staff roles">
      <Layout>
        {!data.canChange && (
          <Layout.Section>
            <ViewerBanner canChange={data.canChange} />
          </Layout.Section>
        )}
        <Layout.AnnotatedSection
          id="planning"
          title="Planning parameters"
          description="How much safety stock to keep and how orders are sized. Changes apply from the next plan."
        >
          <PlanningSettingsCard
            settings={data.planning.settings}
            currencyCode={data.planning.currencyCode}
            saving={pending === "save-settings"}
            result={result?.intent === "save-settings" ? result : null}
            onSave={(values) => submit({ intent: "save-settings", ...values }, { method: "post" })}
          />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="sync"
          title="Sync health"
          description="Shopify keeps Stockcast up to date through webhooks; the backfill reads the history once at install."
        >
          <BlockStack gap="400">
            <SyncHealthCard
              health={data.sync.health}
              backfill={data.sync.backfill}
              demo={data.mode === "demo"}
              pendingEventId={pending === "reprocess" ? ((navigation.formData?.get("eventId") as string | null) ?? null) : null}
              backfillPending={pending === "backfill"}
              reprocessResult={result?.intent === "reprocess" ? result : null}
              backfillResult={result?.intent === "backfill" ? result : null}
              onReprocess={(eventId) => submit({ intent: "reprocess", eventId }, { method: "post" })}
              onRunBackfill={() => submit({ intent: "backfill" }, { method: "post" })}
            />
          </BlockStack>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="import"
          title="Import history"
          description="Add sales or stock history Shopify no longer has (orders older than 60 days without the read_all_orders scope)."
        >
          <ImportCard
            maxUploadMb={data.maxUploadMb}
            maxRows={data.maxImportRows}
            recent={data.sync.imports}
            importing={pending === "import"}
            result={result?.intent === "import" ? result : null}
            onImport={({ kind, snapshotDate, file }) => {
              const form = new FormData();
              form.set("intent", "import");
              form.set("kind", kind);
              if (snapshotDate) form.set("snapshotDate", snapshotDate);
              form.set("file", file, file.name);
              submit(form, { method: "post", encType: "multipart/form-data" });
            }}
          />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="notifications"
          title="Notifications"
          description="Email or Slack when a plan raises an alert at or above the severity you choose, with retries; optionally a daily digest. Failures show here."
        >
          <NotificationsCard
            notifications={data.notifications}
            pending={pending && pending.endsWith("-channel") ? { intent: pending, channelId: (navigation.formData?.get("id") as string | null) ?? null } : null}
            result={result && (result.intent === "save-channel" || result.intent === "delete-channel" || result.intent === "test-channel") ? result : null}
            onSave={(values) => submit({ intent: "save-channel", ...values }, { method: "post" })}
            onDelete={(id) => submit({ intent: "delete-channel", id }, { method: "post" })}
            onTest={(id) => submit({ intent: "test-channel", id }, { method: "post" })}
          />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="staff"
          title="Staff roles"
          description="Map Shopify staff to Stockcast roles: owners and approving managers approve purchase orders; viewers only look."
        >
          <StaffRolesCard
            staff={data.staff}
            pending={pending === "save-staff" || pending === "delete-staff" ? pending : null}
            result={result && (result.intent === "save-staff" || result.intent === "delete-staff") ? result : null}
            onSave={(values) => submit({ intent: "save-staff", ...values }, { method: "post" })}
            onDelete={(id) => submit({ intent: "delete-staff", id }, { method: "post" })}
          />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="approval-rules"
          title="Approval rules"
          description="Segregation of duties: a second person checks each purchase order before it goes to the vendor."
        >
          <ApprovalRulesCard
            rules={data.approvalRules}
            saving={pending === "save-approval-rules"}
            result={result?.intent === "save-approval-rules" ? result : null}
            onSave={(values) => submit({ intent: "save-approval-rules", ...values }, { method: "post" })}
          />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="landed-cost" title="Landed cost" description="Freight, duty and other charges on purchase orders make each variant's landed cost.">
          <LandedCostSettingCard
            setting={data.landedCost}
            saving={pending === "save-landed-cost"}
            result={result?.intent === "save-landed-cost" ? result : null}
            onSave={(values) => submit({ intent: "save-landed-cost", ...values }, { method: "post" })}
          />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
