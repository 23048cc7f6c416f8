import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { replanSoon } from "~/jobs/replan-soon.server";
import { AuditHistory } from "~/components/po/AuditHistory";
import { DatesModal } from "~/components/po/DatesModal";
import { DemoPersonaSwitcher } from "~/components/po/DemoPersonaSwitcher";
import { DetailsCard } from "~/components/po/DetailsCard";
import { LinesCard } from "~/components/po/LinesCard";
import { OverdueBadge } from "~/components/po/OverdueBadge";
import { CONFIRM_INTENTS, PoConfirmModals, type ConfirmIntent } from "~/components/po/PoConfirmModals";
import { PoSourceBadge, PoStatusBadge } from "~/components/po/PoStatusBadge";
import { ReceiptsCard } from "~/components/po/ReceiptsCard";
import { ReceivePanel } from "~/components/po/ReceivePanel";
import { SendModal, type SendFormValues } from "~/components/po/SendModal";
import { downloadFile } from "~/components/po/download";
import { LandedCostCard } from "~/components/purchase-orders/LandedCostCard";
import { useShopTime } from "~/components/shop-time";
import { HTTP_STATUS, NOT_FOUND_MESSAGE, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { approve, cancel, close, markSent, reject, submitForApproval } from "~/services/purchase-orders/lifecycle.server";
import { LIFECYCLE_FORMS, linesOfForm } from "~/services/purchase-orders/lifecycle-forms";
import { isLifecycleInput, runLifecycleIntent } from "~/services/purchase-orders/lifecycle-intents.server";
import { demoStaffFromCookieHeader, demoStaffSetCookie, guardChange, resolveActor } from "~/services/permissions.server";
import { getPurchaseOrderDetail } from "~/services/purchase-orders/queries.server";
import { getReceivingView, isOverReceiptError, receivePurchaseOrder, retryReceiptPush } from "~/services/purchase-orders/receive.server";
import { sendToVendor } from "~/services/purchase-orders/send.server";
import { now as clockNow } from "~/utils/clock.server";
import { chargesIntentSchema } from "~/services/purchase-orders/charges-form";
import { getLandedCostView, updateCharges } from "~/services/purchase-orders/landed-cost.server";
import { FORM } from "~/utils/form-errors";
import { ConflictBanner } from "~/components/ConflictBanner";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { id } = parseParams(params);
  const { actor, personas } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  try {
    const detail = await getPurchaseOrderDetail(ctx.shop, actor, id, clockNow(request));
    const receiving = await getReceivingView(ctx.shop, actor, id, detail.po.status);
    const landed = await getLandedCostView(ctx.shop, actor, id);
    return json({ ...detail, receiving, landed, personas, actorStaffId: actor.staffId, demo: ctx.mode === "demo" });
  } catch (error) {
    if (isPurchaseOrderError(error) && error.code === "not_found") throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
    throw error;
  }
}

const version = z.coerce.number().int().min(1);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["submit", "approve", "send", "close"]), version }),
  z.object({ intent: z.literal("reject"), version, reason: z.string().trim().min(1, "Say why the purchase order is rejected").max(500) }),
  z.object({ intent: z.literal("cancel"), version, reason: z.string().trim().max(500).optional() }),
  z.object({
    intent: z.literal("send_email"),
    version,
    to: z.string().trim().min(1, "Enter the vendor's email address").max(254, "That email address is too long").email("Enter a valid email address, like orders@vendor.com"),
    message: z.string().max(5000, "Keep the message under 5,000 characters").default(""),
    attachPdf: z.enum(["true", "false"]).default("false"),
    attachCsv: z.enum(["true", "false"]).default("false"),
  }),
  // Close short, cancel the remainder, edit lines, add a line, change dates (lifecycle-forms.ts).
  ...LIFECYCLE_FORMS,
  z.object({
    intent: z.literal("receive"),
    version,
    idempotencyKey: z.string().trim().min(1).max(100),
    confirmOverReceipt: z.enum(["true", "false"]).optional(),
    lines: z
      .array(
        z.object({
          lineId: z.string().min(1).max(64),
          quantity: z.string().trim().regex(/^\d{1,7}$/, "Received quantities must be whole numbers between 0 and 1,000,000").transform(Number),
        }),
      )
      .min(1)
      .max(1_000),
  }),
  chargesIntentSchema,
  z.object({ intent: z.literal("retry_push"), receiptId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("switch_persona"), staffId: z.string().min(1).max(200) }),
]);
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS = [...actionSchema.optionsMap.keys()] as string[];

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { id } = parseParams(params);
  const form = await request.formData();
  // Switching the demo persona only sets a cookie: a viewer must be able to switch back.
  if (form.get("intent") !== "switch_persona") {
    const { refusal } = await guardChange(ctx, request);
    if (refusal) return json({ error: refusal, code: "forbidden" as const }, { status: 403 });
  }
  const parsed = actionSchema.safeParse({ ...Object.fromEntries(form), lines: linesOfForm(form) }, FORM);
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid form", code: "invalid" as const }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "switch_persona") {
    if (ctx.mode !== "demo") throw new Response("Only in demo mode", { status: 400 });
    return redirect(new URL(request.url).pathname, { headers: { "Set-Cookie": demoStaffSetCookie(input.staffId) } });
  }
  const { actor } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  try {
    let notice: string | null = null;
    if (isLifecycleInput(input)) ({ notice } = await runLifecycleIntent(ctx.shop, actor, id, input));
    switch (input.intent) {
      case "submit":
        await submitForApproval(ctx.shop, actor, id, input.version);
        break;
      case "approve":
        await approve(ctx.shop, actor, id, input.version);
        break;
      case "send":
        await markSent(ctx.shop, actor, id, input.version);
        break;
      case "close":
        await close(ctx.shop, actor, id, input.version);
        break;
      case "reject":
        await reject(ctx.shop, actor, id, input.version, input.reason);
        break;
      case "cancel":
        await cancel(ctx.shop, actor, id, input.version, input.reason);
        break;
      case "send_email":
        await sendToVendor(ctx.shop, actor, id, input.version, {
          to: input.to,
          message: input.message,
          attachPdf: input.attachPdf === "true",
          attachCsv: input.attachCsv === "true",
        });
        break;
      case "receive":
        await receivePurchaseOrder(
          ctx.shop,
          actor,
          id,
          input.version,
          input.lines.filter((l) => l.quantity > 0),
          { idempotencyKey: input.idempotencyKey, confirmOverReceipt: input.confirmOverReceipt === "true", admin: ctx.admin },
        );
        break;
      case "update_charges":
        await updateCharges(ctx.shop, actor, id, input.version, input);
        break;
      case "retry_push":
        await retryReceiptPush(ctx.shop, actor, id, input.receiptId, ctx.admin);
        break;
    }
    // On order, receipts and stock moved: the plan follows within seconds, not at the next nightly run.
    await replanSoon(ctx.shop);
    return json({ error: null, code: null, notice });
  } catch (error) {
    if (isOverReceiptError(error)) return json({ error: error.message, code: "over_receipt" as const, overReceipt: error.lines }, { status: 400 });
    if (!isPurchaseOrderError(error)) throw error;
    if (error.code === "not_found") throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
    return json({ error: error.message, code: error.code }, { status: HTTP_STATUS[error.code] });
  }
}

function parseParams(params: LoaderFunctionArgs["params"]) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
  return parsed.data;
}

const ACTION_LABEL: Record<string, string> = {
  submit: "Submit for approval",
  approve: "Approve",
  reject: "Reject",
  send: "Mark as sent without email",
  // Not "Close": that reads like closing this page.
  close: "Close purchase order",
  close_short: "Close short",
  cancel_remainder: "Cancel the remainder",
  cancel: "Cancel purchase order",
};
/** Destructive or final: listed after the other actions, in red. */
const DESTRUCTIVE = ["cancel", "reject", "close_short", "cancel_remainder"];

export default function PurchaseOrderPage() {
  const time = useShopTime();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state === "submitting";
  const busyIntent = busy ? String(navigation.formData?.get("intent") ?? "") : "";
  const [modal, setModal] = useState<ConfirmIntent | "send" | "dates" | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [lastIntent, setLastIntent] = useState<string | null>(null);
  const [linesDirty, setLinesDirty] = useState(false);
  const { po } = data;

  // A new version (after any successful change or reload) closes the modal.
  useEffect(() => setModal(null), [po.version]);

  const post = (fields: Record<string, string>) => {
    setLastIntent(fields.intent ?? null);
    submit({ ...fields, version: String(po.version) }, { method: "post" });
  };
  const postForm = (intent: string, fill: (form: FormData) => void) => {
    const form = new FormData();
    form.set("intent", intent);
    form.set("version", String(po.version));
    fill(form);
    setLastIntent(intent);
    submit(form, { method: "post" });
  };
  const run = (intent: string) => (CONFIRM_INTENTS.includes(intent) ? setModal(intent as ConfirmIntent) : post({ intent }));

  const [primary, ...secondary] = data.actions.filter((a) => !DESTRUCTIVE.includes(a));
  const extra = data.actions.filter((a) => DESTRUCTIVE.includes(a));
  const asAction = (a: string) => ({
    content: ACTION_LABEL[a] ?? a,
    onAction: () => run(a),
    loading: busyIntent === a,
    destructive: DESTRUCTIVE.includes(a) && a !== "reject",
  });
  const resend = po.status === "sent" || po.status === "partially_received";
  const sendFailed = modal === "send" && lastIntent === "send_email" && !!actionData?.error;
  const datesFailed = modal === "dates" && lastIntent === "update_dates" && !!actionData?.error;
  const sendAction = data.canSend
    ? { content: resend ? "Send update to vendor" : "Send to vendor", onAction: () => setModal("send"), loading: busyIntent === "send_email" }
    : null;
  const download = (format: "pdf" | "csv") => ({
    content: `Download ${format.toUpperCase()}`,
    onAction: () => {
      setDownloadError(null);
      downloadFile(`/app/purchase-orders/${po.id}/${format}`, `${po.number}.${format}`).catch((e: Error) => setDownloadError(e.message));
    },
  });
  const sendEmail = (values: SendFormValues) =>
    post({ intent: "send_email", to: values.to, message: values.message, attachPdf: String(values.attachPdf), attachCsv: String(values.attachCsv) });
  // When the PO can be emailed, "Send to vendor" leads and marking as sent by hand follows it.
  // Unsaved line edits hold the status change (submitting would send the lines as they were).
  const primaryAction = sendAction && !resend ? sendAction : primary ? { ...asAction(primary), disabled: linesDirty } : undefined;
  const secondaryActions = [
    ...(sendAction && !resend ? [primary, ...secondary] : secondary).filter(Boolean).map(asAction),
    ...(sendAction && resend ? [sendAction] : []),
    download("pdf"),
    download("csv"),
    ...extra.map(asAction),
  ];

  const receive = (lines: { lineId: string; quantity: string }[], confirmOverReceipt: boolean) =>
    postForm("receive", (form) => {
      form.set("idempotencyKey", data.receiving.receiveKey);
      if (confirmOverReceipt) form.set("confirmOverReceipt", "true");
      for (const l of lines) {
        form.append("lineId", l.lineId);
        form.append("quantity", l.quantity);
      }
    });
  const lineName = (lineId: string) => {
    const line = data.lines.find((l) => l.id === lineId);
    return line ? [line.product, line.variant].filter(Boolean).join(" ") : "Removed line";
  };
  const retrying = busyIntent === "retry_push" ? String(navigation.formData?.get("receiptId") ?? "") : null;

  return (
    <Page
      backAction={{ content: "Purchase orders", url: "/app/purchase-orders" }}
      title={po.number}
      titleMetadata={
        <InlineStack gap="200">
          <PoStatusBadge status={po.status} />
          <PoSourceBadge source={po.source} />
          <OverdueBadge daysLate={po.daysLate} />
        </InlineStack>
      }
      subtitle={`${po.vendor.name} → ${po.destination}`}
      primaryAction={primaryAction}
      secondaryActions={secondaryActions}
    >
      <BlockStack gap="400">
        {data.personas.length > 0 && (
          <InlineStack align="end">
            <DemoPersonaSwitcher personas={data.personas} current={data.actorStaffId} onChange={(staffId) => submit({ intent: "switch_persona", staffId }, { method: "post" })} />
          </InlineStack>
        )}
        {actionData?.code === "conflict" ? (
          <ConflictBanner title="Someone else changed this purchase order" message={actionData.error} />
        ) : (
          actionData?.error && !sendFailed && !datesFailed && <Banner tone="critical">{actionData.error}</Banner>
        )}
        {actionData && "notice" in actionData && actionData.notice && <Banner tone="warning">{actionData.notice}</Banner>}
        {downloadError && (
          <Banner tone="critical" onDismiss={() => setDownloadError(null)}>
            {downloadError}
          </Banner>
        )}
        {data.rejection && (
          <Banner tone="warning" title={`Rejected by ${data.rejection.by} on ${time(data.rejection.at)}`}>
            <p>{data.rejection.reason}</p>
          </Banner>
        )}
        {data.earlyReceipt && <Banner tone="info">{data.earlyReceipt.message}</Banner>}
        {data.viewerRole === "viewer" && <Banner tone="info">You have the viewer role: you can look at purchase orders but not change them.</Banner>}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <LinesCard
                poId={po.id}
                version={po.version}
                status={po.status}
                currency={po.currency}
                units={po.units}
                total={po.total}
                lines={data.lines}
                editable={data.canEditLines}
                saving={busyIntent === "update_lines"}
                adding={busyIntent === "add_line"}
                onSave={(edits) =>
                  postForm("update_lines", (form) => {
                    for (const e of edits) {
                      form.append("lineId", e.lineId);
                      form.append("quantity", e.quantity);
                      form.append("unitCost", e.unitCost);
                    }
                  })
                }
                onDirtyChange={setLinesDirty}
                onAdd={(v) => post({ intent: "add_line", variantId: v.variantId, addQuantity: v.quantity, ...(v.unitCost.trim() ? { addUnitCost: v.unitCost } : {}) })}
              />
              <LandedCostCard key={`landed-${po.version}`} currency={po.currency} {...data.landed} loading={busyIntent === "update_charges"} onSave={(f) => post({ intent: "update_charges", ...f })} />
              {data.receiving.canReceive && (
                <BlockStack gap="200">
                  <ReceivePanel
                    key={`receive-${po.version}`}
                    lines={data.lines}
                    loading={busyIntent === "receive"}
                    serverOverReceipt={actionData?.code === "over_receipt"}
                    onReceive={receive}
                  />
                  {data.demo && (
                    <Text as="p" variant="bodySm" tone="subdued">
                      Demo mode: receipts are applied to Stockcast&apos;s inventory only, not sent to Shopify.
                    </Text>
                  )}
                </BlockStack>
              )}
              <ReceiptsCard
                receipts={data.receiving.receipts}
                lineName={lineName}
                canRetry={data.receiving.canRetry}
                retrying={retrying}
                onRetry={(receiptId) => submit({ intent: "retry_push", receiptId }, { method: "post" })}
              />
              <AuditHistory entries={data.history} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <DetailsCard po={po} canEditDates={data.canEditDates} onEditDates={() => setModal("dates")} />
          </Layout.Section>
        </Layout>
      </BlockStack>
      {data.canSend && (
        <SendModal
          key={`send-${po.version}`}
          open={modal === "send"}
          poNumber={po.number}
          vendorName={po.vendor.name}
          resend={resend}
          defaults={data.sendDefaults}
          loading={busyIntent === "send_email"}
          error={sendFailed && !busy ? (actionData?.error ?? null) : null}
          onSend={sendEmail}
          onClose={() => setModal(null)}
        />
      )}
      {data.canEditDates && (
        <DatesModal
          key={`dates-${po.version}`}
          open={modal === "dates"}
          poNumber={po.number}
          expectedAt={po.expectedAt}
          confirmedEta={po.confirmedEta}
          loading={busyIntent === "update_dates"}
          error={datesFailed && !busy ? (actionData?.error ?? null) : null}
          onSave={(d) => post({ intent: "update_dates", expectedDate: d.expectedDate, confirmedEta: d.confirmedEta })}
          onClose={() => setModal(null)}
        />
      )}
      <PoConfirmModals
        open={modal === "send" || modal === "dates" ? null : modal}
        version={po.version}
        number={po.number}
        status={po.status}
        outstandingUnits={data.outstandingUnits}
        busyIntent={busyIntent}
        onConfirm={(intent, reason) => post({ intent, ...(reason ? { reason } : {}) })}
        onClose={() => setModal(null)}
      />
    </Page>
  );
}
