import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, DataTable, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { replanSoon } from "~/jobs/replan-soon.server";
import { formatDate } from "~/components/format";
import { AuditHistory } from "~/components/po/AuditHistory";
import { ConfirmModal } from "~/components/po/ConfirmModal";
import { DemoPersonaSwitcher } from "~/components/po/DemoPersonaSwitcher";
import { PoSourceBadge, PoStatusBadge } from "~/components/po/PoStatusBadge";
import { ReceiptsCard } from "~/components/po/ReceiptsCard";
import { ReceivePanel } from "~/components/po/ReceivePanel";
import { SendModal, type SendFormValues } from "~/components/po/SendModal";
import { downloadFile } from "~/components/po/download";
import { formatMoney } from "~/components/po/format";
import { LandedCostCard } from "~/components/purchase-orders/LandedCostCard";
import { useShopTime } from "~/components/shop-time";
import { HTTP_STATUS, NOT_FOUND_MESSAGE, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { approve, cancel, close, markSent, reject, submitForApproval, updateDraftLines } from "~/services/purchase-orders/lifecycle.server";
import { demoStaffFromCookieHeader, demoStaffSetCookie, guardChange, resolveActor } from "~/services/permissions.server";
import { getPurchaseOrderDetail } from "~/services/purchase-orders/queries.server";
import { getReceivingView, isOverReceiptError, receivePurchaseOrder, retryReceiptPush } from "~/services/purchase-orders/receive.server";
import { sendToVendor } from "~/services/purchase-orders/send.server";
import { chargesIntentSchema } from "~/services/purchase-orders/charges-form";
import { getLandedCostView, updateCharges } from "~/services/purchase-orders/landed-cost.server";
import { FORM } from "~/utils/form-errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { id } = parseParams(params);
  const { actor, personas } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  try {
    const detail = await getPurchaseOrderDetail(ctx.shop, actor, id);
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
  z.object({
    intent: z.literal("update_lines"),
    version,
    lines: z
      .array(
        z.object({
          lineId: z.string().min(1).max(64),
          quantity: z.string().trim().regex(/^\d{1,7}$/, "Quantities must be whole numbers between 0 and 1,000,000").transform(Number),
        }),
      )
      .min(1)
      .max(1_000),
  }),
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
  const lines = form.getAll("lineId").map((lineId, i) => ({ lineId, quantity: form.getAll("quantity")[i] }));
  const parsed = actionSchema.safeParse({ ...Object.fromEntries(form), lines }, FORM);
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid form", code: "invalid" as const }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "switch_persona") {
    if (ctx.mode !== "demo") throw new Response("Only in demo mode", { status: 400 });
    return redirect(new URL(request.url).pathname, { headers: { "Set-Cookie": demoStaffSetCookie(input.staffId) } });
  }
  const { actor } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  try {
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
      case "update_lines":
        await updateDraftLines(ctx.shop, actor, id, input.version, input.lines);
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
    return json({ error: null, code: null });
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
  cancel: "Cancel purchase order",
};

export default function PurchaseOrderPage() {
  const time = useShopTime();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const submit = useSubmit();
  const busy = navigation.state === "submitting";
  const busyIntent = busy ? String(navigation.formData?.get("intent") ?? "") : "";
  const [modal, setModal] = useState<"cancel" | "reject" | "send" | "close" | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [lastIntent, setLastIntent] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const { po } = data;

  // A new version (after any successful change or reload) resets edits and closes the modal.
  useEffect(() => {
    setQuantities({});
    setModal(null);
  }, [po.version]);

  const post = (fields: Record<string, string>) => {
    setLastIntent(fields.intent ?? null);
    submit({ ...fields, version: String(po.version) }, { method: "post" });
  };
  const run = (intent: string) => (intent === "cancel" || intent === "reject" || intent === "close" ? setModal(intent) : post({ intent }));

  const dirty = Object.entries(quantities).filter(([id, q]) => String(data.lines.find((l) => l.id === id)?.quantityOrdered) !== q);
  const [primary, ...secondary] = data.actions.filter((a) => a !== "cancel" && a !== "reject");
  const extra = data.actions.filter((a) => a === "reject" || a === "cancel");
  const asAction = (a: string) => ({
    content: ACTION_LABEL[a] ?? a,
    onAction: () => run(a),
    loading: busyIntent === a,
    destructive: a === "cancel",
  });
  const resend = po.status === "sent";
  const sendFailed = modal === "send" && lastIntent === "send_email" && !!actionData?.error;
  const sendAction = data.canSend
    ? { content: resend ? "Resend to vendor" : "Send to vendor", onAction: () => setModal("send"), loading: busyIntent === "send_email" }
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
  const primaryAction = sendAction && !resend ? sendAction : primary ? { ...asAction(primary), disabled: dirty.length > 0 } : undefined;
  const secondaryActions = [
    ...(sendAction && !resend ? [primary, ...secondary] : secondary).filter(Boolean).map(asAction),
    ...(sendAction && resend ? [sendAction] : []),
    download("pdf"),
    download("csv"),
    ...extra.map(asAction),
  ];

  const saveQuantities = () => {
    const form = new FormData();
    form.set("intent", "update_lines");
    form.set("version", String(po.version));
    for (const [lineId, q] of dirty) {
      form.append("lineId", lineId);
      form.append("quantity", q);
    }
    submit(form, { method: "post" });
  };

  const receive = (lines: { lineId: string; quantity: string }[], confirmOverReceipt: boolean) => {
    const form = new FormData();
    form.set("intent", "receive");
    form.set("version", String(po.version));
    form.set("idempotencyKey", data.receiving.receiveKey);
    if (confirmOverReceipt) form.set("confirmOverReceipt", "true");
    for (const l of lines) {
      form.append("lineId", l.lineId);
      form.append("quantity", l.quantity);
    }
    submit(form, { method: "post" });
  };
  const lineName = (lineId: string) => {
    const line = data.lines.find((l) => l.id === lineId);
    return line ? [line.product, line.variant].filter(Boolean).join(" ") : "Removed line";
  };
  const retrying = busyIntent === "retry_push" ? String(navigation.formData?.get("receiptId") ?? "") : null;

  const rows = data.lines.map((l) => [
    <BlockStack gap="050" key={`${l.id}-name`}>
      <Text as="span" fontWeight="semibold">
        {l.product}
      </Text>
      <Text as="span" variant="bodySm" tone="subdued">
        {[l.variant, l.sku].filter(Boolean).join(" · ")}
      </Text>
    </BlockStack>,
    data.canEditLines ? (
      <div style={{ maxWidth: 110, marginLeft: "auto" }} key={`${l.id}-qty`}>
        <TextField
          label={`Quantity of ${l.product} ${l.variant}`}
          labelHidden
          type="number"
          min={0}
          autoComplete="off"
          value={quantities[l.id] ?? String(l.quantityOrdered)}
          onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: v }))}
        />
      </div>
    ) : (
      l.quantityOrdered.toLocaleString("en-US")
    ),
    l.quantityReceived.toLocaleString("en-US"),
    formatMoney(l.unitCost, po.currency),
    formatMoney(l.lineTotal, po.currency),
  ]);

  return (
    <Page
      backAction={{ content: "Purchase orders", url: "/app/purchase-orders" }}
      title={po.number}
      titleMetadata={
        <InlineStack gap="200">
          <PoStatusBadge status={po.status} />
          <PoSourceBadge source={po.source} />
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
          <Banner tone="warning" title="Someone else changed this purchase order" action={{ content: "Reload", onAction: () => revalidator.revalidate() }}>
            <p>{actionData.error}</p>
          </Banner>
        ) : (
          actionData?.error && !sendFailed && <Banner tone="critical">{actionData.error}</Banner>
        )}
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
              <Card padding="0">
                <DataTable
                  columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                  headings={["Variant", "Ordered", "Received", "Unit cost", "Line total"]}
                  rows={rows}
                  totals={["", po.units.toLocaleString("en-US"), "", "", formatMoney(po.total, po.currency)]}
                  showTotalsInFooter
                />
                {data.canEditLines && (
                  <Box padding="300">
                    <InlineStack align="space-between" blockAlign="center">
                      <Text as="span" variant="bodySm" tone="subdued">
                        Set a quantity to 0 to remove the line.
                      </Text>
                      <InlineStack gap="200">
                        <Button disabled={dirty.length === 0} onClick={() => setQuantities({})}>
                          Discard
                        </Button>
                        <Button variant="primary" disabled={dirty.length === 0} loading={busyIntent === "update_lines"} onClick={saveQuantities}>
                          Save quantities
                        </Button>
                      </InlineStack>
                    </InlineStack>
                  </Box>
                )}
              </Card>
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
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Details
                </Text>
                <Detail label="Vendor" value={[po.vendor.name, po.vendor.contactName, po.vendor.email].filter(Boolean).join(" · ")} />
                <Detail label="Ship to" value={po.destination} />
                <Detail label="Expected" value={po.expectedAt ? formatDate(po.expectedAt) : "—"} />
                <Detail label="Total" value={formatMoney(po.total, po.currency)} />
                <Detail label="Drafted" value={`${time(po.createdAt)} by ${po.createdBy}`} />
                {po.submittedAt && <Detail label="Submitted" value={time(po.submittedAt)} />}
                {po.approvedAt && <Detail label="Approved" value={`${time(po.approvedAt)}${po.approvedBy ? ` by ${po.approvedBy}` : ""}`} />}
                {po.sentAt && (
                  <Detail
                    label="Sent"
                    value={`${time(po.sentAt)}${po.sentTo === "manual" ? " · without email" : po.sentTo ? ` · to ${po.sentTo}` : ""}`}
                  />
                )}
                {po.closedAt && <Detail label="Closed" value={time(po.closedAt)} />}
                {po.cancelledAt && <Detail label="Cancelled" value={time(po.cancelledAt)} />}
                {po.cancelReason && <Detail label="Cancellation reason" value={po.cancelReason} />}
                {po.rejectedReason && po.status !== "draft" && <Detail label="Last rejection reason" value={po.rejectedReason} />}
                {po.notes && <Detail label="Notes" value={po.notes} />}
              </BlockStack>
            </Card>
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
      <ConfirmModal
        key={`cancel-${po.version}`}
        open={modal === "cancel"}
        title={`Cancel ${po.number}?`}
        body={po.status === "sent" ? "The vendor already has this order: tell them it is cancelled. This can't be undone." : "This can't be undone."}
        confirmLabel="Cancel purchase order"
        destructive
        reason="optional"
        loading={busyIntent === "cancel"}
        onConfirm={(reason) => post({ intent: "cancel", ...(reason ? { reason } : {}) })}
        onClose={() => setModal(null)}
      />
      <ConfirmModal
        key={`close-${po.version}`}
        open={modal === "close"}
        title={`Close ${po.number}?`}
        body="Closing files it away: no more receipts or changes can be recorded on it. This can't be undone."
        confirmLabel="Close purchase order"
        loading={busyIntent === "close"}
        onConfirm={() => post({ intent: "close" })}
        onClose={() => setModal(null)}
      />
      <ConfirmModal
        key={`reject-${po.version}`}
        open={modal === "reject"}
        title={`Reject ${po.number}?`}
        body="It goes back to draft with your reason, so whoever drafted it can fix it and resubmit."
        confirmLabel="Reject"
        destructive
        reason="required"
        loading={busyIntent === "reject"}
        onConfirm={(reason) => post({ intent: "reject", reason })}
        onClose={() => setModal(null)}
      />
    </Page>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="span">{value}</Text>
    </BlockStack>
  );
}
