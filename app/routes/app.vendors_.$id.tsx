import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineGrid, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { replanSoon } from "~/jobs/replan-soon.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { formatDate, formatMoneyCents } from "~/components/format";
import { AuditHistory } from "~/components/po/AuditHistory";
import { PoStatusBadge } from "~/components/po/PoStatusBadge";
import { VendorTrendChart } from "~/components/vendors/VendorTrendChart";
import { VendorTermsCard } from "~/components/vendors/VendorTermsCard";
import { VendorTermsError, getVendorTerms, saveVendorTermsForVendor } from "~/services/vendor-terms.server";
import { vendorTermsIntentSchema } from "~/services/vendor-terms-form";
import { VENDOR_LEAD_TIME_MAX, VENDOR_LEAD_TIME_MIN, fieldErrors, vendorForm, type VendorFieldName } from "~/components/vendors/vendor-form";
import { daysLateLabel } from "~/services/purchase-orders/arrival";
import { VENDOR_NOT_FOUND_MESSAGE, VendorEditError, getVendorDetail, updateVendor } from "~/services/vendors.server";
import { canChange, guardChange } from "~/services/permissions.server";
import { now as clockNow } from "~/utils/clock.server";
import { FORM } from "~/utils/form-errors";
import { plural } from "~/utils/plural";
import { figureText, notEnoughData, percent, PRICE_COMPARISONS } from "~/utils/scorecard-text";
import { ConflictBanner } from "~/components/ConflictBanner";
import { CardTitle } from "~/components/CardTitle";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

function parseParams(params: LoaderFunctionArgs["params"]) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response(VENDOR_NOT_FOUND_MESSAGE, { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { id } = parseParams(params);
  const [detail, editable, terms] = await Promise.all([getVendorDetail(ctx.shop, id, clockNow(request)), canChange(ctx, request), getVendorTerms(ctx.shop, id)]);
  if (!detail) throw new Response(VENDOR_NOT_FOUND_MESSAGE, { status: 404 });
  return json({ ...detail, terms, canChange: editable });
}

const actionSchema = vendorForm.extend({ intent: z.literal("update"), updatedAt: z.string().min(1).max(40) });
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS: readonly string[] = [actionSchema.shape.intent.value, vendorTermsIntentSchema.shape.intent.value];

type ActionResult =
  | { ok: true; changed: boolean; error: null; fieldErrors: Partial<Record<VendorFieldName, string>>; terms?: true }
  | { ok: false; changed: false; error: string | null; code: "invalid" | "conflict" | "forbidden"; fieldErrors: Partial<Record<VendorFieldName, string>>; terms?: true };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { id } = parseParams(params);
  const { actor, refusal } = await guardChange(ctx, request);
  if (refusal) return json<ActionResult>({ ok: false, changed: false, error: refusal, code: "forbidden", fieldErrors: {} }, { status: 403 });
  const { shop } = ctx;
  const staffId = actor.staffId;
  const form = await request.formData();
  if (form.get("intent") === "save_vendor_terms") return saveTerms(shop, actor, id, form);
  const parsed = actionSchema.safeParse(Object.fromEntries(form), FORM);
  if (!parsed.success) {
    return json<ActionResult>({ ok: false, changed: false, error: "Fix the highlighted fields.", code: "invalid", fieldErrors: fieldErrors<VendorFieldName>(parsed.error) }, { status: 400 });
  }
  const { intent: _intent, updatedAt, ...values } = parsed.data;
  try {
    const { changed } = await updateVendor(shop, staffId, id, updatedAt, values);
    // Lead time and minimum order move every line of this vendor.
    if (changed) await replanSoon(shop);
    return json<ActionResult>({ ok: true, changed, error: null, fieldErrors: {} });
  } catch (error) {
    if (!(error instanceof VendorEditError)) throw error;
    if (error.code === "not_found") throw new Response(VENDOR_NOT_FOUND_MESSAGE, { status: 404 });
    return json<ActionResult>({ ok: false, changed: false, error: error.message, code: "conflict", fieldErrors: {} }, { status: 409 });
  }
}

/** The "Vendor SKUs and prices" card's save: parallel variantId / vendorSku / vendorPrice fields. */
async function saveTerms(shop: string, actor: Parameters<typeof saveVendorTermsForVendor>[1], vendorId: string, form: FormData) {
  const skus = form.getAll("vendorSku");
  const prices = form.getAll("vendorPrice");
  const rows = form.getAll("variantId").map((variantId, i) => ({ variantId, vendorSku: skus[i] ?? "", vendorPrice: prices[i] ?? "" }));
  const parsed = vendorTermsIntentSchema.safeParse({ intent: form.get("intent"), rows }, FORM);
  if (!parsed.success) return json<ActionResult>({ ok: false, changed: false, error: parsed.error.issues[0]?.message ?? "Invalid form", code: "invalid", fieldErrors: {}, terms: true }, { status: 400 });
  try {
    await saveVendorTermsForVendor(shop, actor, vendorId, parsed.data.rows);
    return json<ActionResult>({ ok: true, changed: true, error: null, fieldErrors: {}, terms: true });
  } catch (error) {
    if (!(error instanceof VendorTermsError)) throw error;
    if (error.code === "not_found") throw new Response(VENDOR_NOT_FOUND_MESSAGE, { status: 404 });
    return json<ActionResult>({ ok: false, changed: false, error: error.message, code: error.code, fieldErrors: {}, terms: true }, { status: error.code === "forbidden" ? 403 : 400 });
  }
}

export default function VendorPage() {
  const d = useLoaderData<typeof loader>();
  const s = d.scorecard;
  return (
    <Page title={d.vendor.name} subtitle={`${plural(d.vendor.products, "product")} · prices in ${d.vendor.currency}`} backAction={{ content: "Vendors", url: "/app/vendors" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ViewerBanner canChange={d.canChange} />
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200" blockAlign="center">
                  <CardTitle>Scorecard, last 12 months</CardTitle>
                  {s.score !== null ? (
                    <Badge tone={s.score >= 85 ? "success" : s.score >= 70 ? "attention" : "critical"}>{`Score ${Math.round(s.score)} (${plural(s.scoreObservations, "delivery", "deliveries")})`}</Badge>
                  ) : (
                    <Text as="span" tone="subdued">{`Score: ${notEnoughData(s.scoreObservations)}`}</Text>
                  )}
                </InlineStack>
                <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
                  {[
                    [
                      "Lead time stated / observed",
                      `${d.vendor.statedLeadTimeDays} d / ${figureText(s.leadTimeMeanDays, s.leadTimeObservations, (m) => `${m.toFixed(1)} ± ${(s.leadTimeSdDays ?? 0).toFixed(1)} d`)}`,
                    ],
                    ["On time (due orders)", figureText(s.onTimeRate, s.onTimeObservations, percent)],
                    ["Fill rate (due orders)", figureText(s.fillRate, s.fillObservations, percent)],
                    ["Price variation (each product against its last cost)", figureText(s.priceVariation, s.priceObservations, percent, PRICE_COMPARISONS)],
                    [
                      "Deliveries",
                      s.tooEarlyReceipts > 0
                        ? `${s.deliveries} (${plural(s.tooEarlyReceipts, "receipt")} too soon after sending left out of lead time)`
                        : String(s.deliveries),
                    ],
                    ["Open PO value", formatMoneyCents(s.openPoValueCents, d.vendor.currency)],
                  ].map(([label, value]) => (
                    <BlockStack gap="050" key={label}>
                      <Text as="span" tone="subdued" variant="bodySm">
                        {label}
                      </Text>
                      <Text as="span" fontWeight="semibold">
                        {value}
                      </Text>
                    </BlockStack>
                  ))}
                </InlineGrid>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <CardTitle>Trend</CardTitle>
                {d.trend.some((p) => p.deliveries > 0) ? (
                  <>
                    <VendorTrendChart points={d.trend} />
                    <Text as="p" tone="subdued" variant="bodySm">
                      By month of first receipt: share of purchase orders received on time (within a day of the expected date), share of
                      ordered units received, and days from sending to first receipt.
                    </Text>
                  </>
                ) : (
                  <Text as="p" tone="subdued">
                    No purchase orders from this vendor were received in the last 12 months.
                  </Text>
                )}
              </BlockStack>
            </Card>
            <OpenPurchaseOrders orders={d.openPurchaseOrders} />
            <VendorTerms terms={d.terms} currency={d.vendor.currency} canChange={d.canChange} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <VendorEditForm key={d.vendor.updatedAt} vendor={d.vendor} />
            <AuditHistory entries={d.history} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function VendorTerms({ terms, currency, canChange }: { terms: ReturnType<typeof useLoaderData<typeof loader>>["terms"]; currency: string; canChange: boolean }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const result = useActionData<typeof action>();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save_vendor_terms";
  const save = (rows: { variantId: string; vendorSku: string; vendorPrice: string }[]) => {
    const form = new FormData();
    form.set("intent", "save_vendor_terms");
    for (const r of rows) {
      form.append("variantId", r.variantId);
      form.append("vendorSku", r.vendorSku);
      form.append("vendorPrice", r.vendorPrice);
    }
    submit(form, { method: "post" });
  };
  const error = result?.terms && !result.ok ? result.error : null;
  // A new key after each successful save (the loader's rows change) resets the card's edits.
  return <VendorTermsCard key={terms.rows.map((r) => r.vendorSku + r.vendorPrice).join("|")} {...terms} currency={currency} canChange={canChange} saving={saving} error={error} saved={!!result?.terms && result.ok} onSave={save} />;
}

function OpenPurchaseOrders({ orders }: { orders: ReturnType<typeof useLoaderData<typeof loader>>["openPurchaseOrders"] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <CardTitle>Open purchase orders</CardTitle>
        {orders.length === 0 ? (
          <Text as="p" tone="subdued">
            Nothing on order from this vendor.
          </Text>
        ) : (
          orders.map((po) => (
            <InlineStack key={po.id} align="space-between" blockAlign="center" gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Link to={`/app/purchase-orders/${po.id}`}>{po.number}</Link>
                <PoStatusBadge status={po.status} />
                {po.daysLate !== null && <Badge tone="critical">{daysLateLabel(po.daysLate)}</Badge>}
              </InlineStack>
              <Text as="span" tone="subdued">
                {po.expectedAt ? `expected ${formatDate(po.expectedAt)}` : "no expected date"} · {formatMoneyCents(po.openValueCents, po.currency)} open
              </Text>
            </InlineStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

type VendorValues = ReturnType<typeof useLoaderData<typeof loader>>["vendor"];

function VendorEditForm({ vendor }: { vendor: VendorValues }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const initial = {
    contactName: vendor.contactName ?? "",
    email: vendor.email ?? "",
    phone: vendor.phone ?? "",
    currency: vendor.currency,
    statedLeadTimeDays: String(vendor.statedLeadTimeDays),
    moq: vendor.moq === null ? "" : String(vendor.moq),
    notes: vendor.notes ?? "",
  };
  const [values, setValues] = useState(initial);
  const dirty = (Object.keys(initial) as (keyof typeof initial)[]).some((k) => initial[k] !== values[k]);
  const errors: Partial<Record<VendorFieldName, string>> = result?.fieldErrors ?? {};
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "update";
  const field = (name: keyof typeof initial) => ({ name, value: values[name], error: errors[name], onChange: (v: string) => setValues((old) => ({ ...old, [name]: v })), autoComplete: "off" });
  return (
    <Card>
      <Form method="post">
        <BlockStack gap="300">
          <CardTitle>Vendor details</CardTitle>
          {result && !result.ok && result.code === "conflict" && (
            <ConflictBanner title="Someone else changed this vendor" message={result.error} />
          )}
          {result?.ok && result.changed && !result.terms && !dirty && (
            <Banner tone="success">
              <p>Saved. The new lead time and minimum order apply from the next plan run.</p>
            </Banner>
          )}
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="updatedAt" value={vendor.updatedAt} />
          <FormLayout>
            <TextField label="Contact name" {...field("contactName")} maxLength={100} />
            <TextField label="Email" type="email" {...field("email")} maxLength={254} />
            <TextField label="Phone" type="tel" {...field("phone")} maxLength={40} />
            <TextField label="Currency" helpText="ISO 4217 code of the vendor's prices, like USD or EUR." {...field("currency")} maxLength={3} />
            <TextField
              label="Stated lead time"
              type="number"
              suffix="days"
              min={VENDOR_LEAD_TIME_MIN}
              max={VENDOR_LEAD_TIME_MAX}
              helpText="Days from sending a purchase order to receiving it, as the vendor promises. Planning blends it with observed deliveries."
              {...field("statedLeadTimeDays")}
            />
            <TextField label="Minimum order quantity" type="number" min={1} helpText="Units per order line; leave empty for none. A variant's own MOQ wins." {...field("moq")} />
            <TextField label="Notes" multiline={3} maxLength={2000} {...field("notes")} />
          </FormLayout>
          <Text as="p" tone="subdued" variant="bodySm">
            Lead time and minimum order changes take effect at the next plan run (nightly, or “Re-plan now” on Replenishment).
          </Text>
          <InlineStack align="end" gap="200">
            <Button disabled={!dirty || saving} onClick={() => setValues(initial)}>
              Discard
            </Button>
            <Button submit variant="primary" disabled={!dirty} loading={saving}>
              Save
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
