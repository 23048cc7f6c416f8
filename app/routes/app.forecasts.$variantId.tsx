import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { PlanStatusLine } from "~/components/PlanStatusLine";
import { getPlanStatus } from "~/services/planning/plan-status.server";
import { replanSoon } from "~/jobs/replan-soon.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { ForecastChart } from "~/components/ForecastChart";
import { BundlesCard } from "~/components/forecast/BundlesCard";
import { ForecastOverridesCard } from "~/components/forecast/ForecastOverridesCard";
import { PlanningOverridesCard } from "~/components/forecast/PlanningOverridesCard";
import { forecastOverrideForm, variantOverridesForm, variantOverridesShape } from "~/components/forecast/override-forms";
import { URGENCY_TONE, formatDate } from "~/components/format";
import { AuditHistory } from "~/components/po/AuditHistory";
import { NativePoNote } from "~/components/po/NativePoNote";
import { WhyDetails } from "~/components/WhyPanel";
import { fieldErrors } from "~/components/vendors/vendor-form";
import {
  VARIANT_NOT_FOUND_MESSAGE,
  VariantEditError,
  addForecastOverride,
  getForecastDetail,
  removeForecastOverride,
  saveVariantOverrides,
} from "~/services/forecasts.server";
import { getBundleDetail, getVariantBundles } from "~/services/bundles.server";
import { getVariantCosts } from "~/services/purchase-orders/landed-cost.server";
import { formatMoney } from "~/components/po/format";
import { canChange, guardChange } from "~/services/permissions.server";
import { now as clockNow } from "~/utils/clock.server";
import { FORM } from "~/utils/form-errors";
import { plural } from "~/utils/plural";
import { CardTitle } from "~/components/CardTitle";

const paramsSchema = z.object({ variantId: z.string().min(1).max(64) });

function parseParams(params: LoaderFunctionArgs["params"]) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response(VARIANT_NOT_FOUND_MESSAGE, { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { variantId } = parseParams(params);
  const location = new URL(request.url).searchParams.get("location");
  const [detail, editable, status, bundles, costs] = await Promise.all([
    getForecastDetail(ctx.shop, variantId, location, clockNow(request)),
    canChange(ctx, request),
    getPlanStatus(ctx.shop),
    getVariantBundles(ctx.shop, variantId),
    getVariantCosts(ctx.shop, variantId),
  ]);
  if (!detail) {
    // A bundle has no forecast of its own: its page lists what it is made of.
    const bundle = await getBundleDetail(ctx.shop, variantId);
    if (bundle) return json({ kind: "bundle" as const, bundle });
    throw new Response("This variant has no forecast in the current plan.", {
      status: 404,
    });
  }
  return json({ kind: "forecast" as const, ...detail, canChange: editable, status, bundles, costs });
}

const expectedSchema = z
  .string({ required_error: "Reload the page and try again." })
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Reload the page and try again.",
      });
      return z.NEVER;
    }
  })
  .pipe(variantOverridesShape);

const intentSchema = z.enum(["save_overrides", "add_forecast_override", "delete_forecast_override"], { errorMap: () => ({ message: "Unknown action." }) });
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS: readonly string[] = intentSchema.options;

interface ActionResult {
  intent: z.infer<typeof intentSchema> | null;
  ok: boolean;
  changed?: boolean;
  error: string | null;
  code?: "invalid" | "conflict" | "forbidden";
  fieldErrors: Partial<Record<string, string>>;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { variantId } = parseParams(params);
  const { actor, refusal } = await guardChange(ctx, request);
  const form = Object.fromEntries(await request.formData());
  const intent = intentSchema.safeParse(form.intent, FORM);
  // The intent only tells the screen which card shows the refusal.
  if (refusal) return json<ActionResult>({ intent: intent.data ?? null, ok: false, error: refusal, code: "forbidden", fieldErrors: {} }, { status: 403 });
  const { shop } = ctx;
  const staffId = actor.staffId;
  if (!intent.success)
    return json<ActionResult>(
      {
        intent: null,
        ok: false,
        error: "Unknown action.",
        code: "invalid",
        fieldErrors: {},
      },
      { status: 400 }
    );
  const refuse = (error: string, errors: ActionResult["fieldErrors"] = {}) =>
    json<ActionResult>({ intent: intent.data, ok: false, error, code: "invalid", fieldErrors: errors }, { status: 400 });
  const invalid = (error: z.ZodError) => refuse("Fix the highlighted fields.", fieldErrors(error));
  const saved = (changed: boolean) => json<ActionResult>({ intent: intent.data, ok: true, changed, error: null, fieldErrors: {} });
  try {
    switch (intent.data) {
      case "save_overrides": {
        const values = variantOverridesForm.safeParse(form, FORM);
        if (!values.success) return invalid(values.error);
        const expected = expectedSchema.safeParse(form.expected, FORM);
        if (!expected.success) return refuse("Reload the page and try again.");
        const { changed } = await saveVariantOverrides(shop, staffId, variantId, expected.data, values.data);
        if (changed) await replanSoon(shop);
        return saved(changed);
      }
      case "add_forecast_override": {
        const input = forecastOverrideForm.safeParse(form, FORM);
        if (!input.success) return invalid(input.error);
        await addForecastOverride(shop, staffId, variantId, input.data, clockNow(request));
        await replanSoon(shop);
        return saved(true);
      }
      case "delete_forecast_override": {
        const id = z.string().min(1).max(64).safeParse(form.overrideId, FORM);
        if (!id.success) return refuse("Choose an override to delete.");
        await removeForecastOverride(shop, staffId, variantId, id.data);
        await replanSoon(shop);
        return saved(true);
      }
    }
  } catch (error) {
    if (!(error instanceof VariantEditError)) throw error;
    if (error.code === "not_found" && error.message === VARIANT_NOT_FOUND_MESSAGE) throw new Response(VARIANT_NOT_FOUND_MESSAGE, { status: 404 });
    const status = error.code === "conflict" ? 409 : error.code === "not_found" ? 404 : 400;
    return json<ActionResult>(
      {
        intent: intent.data,
        ok: false,
        error: error.message,
        code: error.code === "conflict" ? "conflict" : "invalid",
        fieldErrors: error.field ? { [error.field]: error.message } : {},
      },
      { status }
    );
  }
}

const units = (x: number) => plural(Math.round(x), "unit");

type LoaderData = SerializeFrom<typeof loader>;

export default function ForecastDetailPage() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "bundle" ? <BundlePage bundle={data.bundle} /> : <ForecastView d={data} />;
}

function BundlePage({ bundle }: { bundle: Extract<LoaderData, { kind: "bundle" }>["bundle"] }) {
  return (
    <Page
      title={`${bundle.product}${bundle.variant && bundle.variant !== "Default Title" ? ` — ${bundle.variant}` : ""}`}
      subtitle={bundle.sku ?? undefined}
      backAction={{ content: "Forecasts", url: "/app/forecasts" }}
      titleMetadata={<Badge>Bundle</Badge>}
    >
      <Layout>
        <Layout.Section>
          <BundlesCard partOf={bundle.partOf} components={bundle.components} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** "Landed cost $9.65 (Shopify cost $2.50)": planning and stock value use the landed cost where there is one. */
function costLine(c: { unitCost: string | null; landedUnitCost: string | null; currency: string }): string | null {
  if (c.landedUnitCost) return `Landed cost ${formatMoney(c.landedUnitCost, c.currency)}${c.unitCost ? ` (Shopify cost ${formatMoney(c.unitCost, c.currency)})` : ""}`;
  return c.unitCost ? `Cost ${formatMoney(c.unitCost, c.currency)}` : null;
}

function ForecastView({ d }: { d: Extract<LoaderData, { kind: "forecast" }> }) {
  const result = useActionData<typeof action>();
  const navigate = useNavigate();
  const n = d.numbers;
  return (
    <Page
      title={`${d.product}${d.variant && d.variant !== "Default Title" ? ` — ${d.variant}` : ""}`}
      subtitle={[d.sku, d.vendor, costLine(d.costs)].filter(Boolean).join(" · ")}
      backAction={{ content: "Forecasts", url: "/app/forecasts" }}
      titleMetadata={
        <InlineStack gap="100">
          <Badge>{d.demandClass}</Badge>
          {d.overrides.doNotReorder && <Badge tone="warning">Do not reorder</Badge>}
        </InlineStack>
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ViewerBanner canChange={d.canChange} />
            <PlanStatusLine updatedLabel={d.status.updatedLabel} replanning={d.status.replanning} />
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <CardTitle>Demand at {d.location.name}</CardTitle>
                  {d.otherLocations.length > 1 && (
                    <Select
                      label="Location"
                      labelInline
                      options={d.otherLocations.map((l) => ({
                        label: l.name,
                        value: l.id,
                      }))}
                      value={d.location.id}
                      onChange={(id) => navigate(`?location=${id}`)}
                    />
                  )}
                </InlineStack>
                <ForecastChart points={d.points} />
                <Text as="p" tone="subdued" variant="bodySm">
                  Forecast: {d.methodWords}. Red shading marks days the item was out of stock: sales there say nothing about
                  demand, so they are left out of the fit. Orange shading marks days where your manual override replaces the forecast.
                </Text>
              </BlockStack>
            </Card>
            {n && (
              <Card>
                <BlockStack gap="300">
                  <InlineStack gap="200" blockAlign="center">
                    <CardTitle>Why Stockcast suggests {plural(n.suggestedQty, "unit")}</CardTitle>
                    <Badge tone={URGENCY_TONE[n.urgency]}>{n.urgency}</Badge>
                  </InlineStack>
                  <div data-testid="why-panel">
                    <WhyDetails why={n.why} />
                  </div>
                  {n.overriddenDays > 0 && (
                    <Text as="p">
                      {`${n.overriddenDays} ${n.overriddenDays === 1 ? "day" : "days"} of this forecast use your manual override.`}
                      {n.leadTimeDemandBeforeOverride !== null &&
                        ` Expected demand over the lead time is ${units(n.leadTimeDemand)} with it, ${units(n.leadTimeDemandBeforeOverride)} without.`}
                    </Text>
                  )}
                  {n.backorders > 0 && (
                    <Text as="p" variant="bodyMd">
                      Backorders: {units(n.backorders)} owed to customers.
                    </Text>
                  )}
                  {n.nativePos.length > 0 && (
                    <BlockStack gap="050">
                      <Text as="span" tone="subdued" variant="bodySm">
                        Of the {n.why.stock.onOrder} on order:
                      </Text>
                      {n.nativePos.map((po, i) => (
                        <NativePoNote key={`${po.name}-${i}`} po={po} />
                      ))}
                    </BlockStack>
                  )}
                  <Text as="p" tone="subdued" variant="bodySm">
                    Plan of {formatDate(d.asOfDate)}.
                  </Text>
                </BlockStack>
              </Card>
            )}
            <ForecastOverridesCard
              key={`${d.location.id}-${d.forecastOverrides.length}`}
              location={d.location}
              overrides={d.forecastOverrides}
              window={d.overrideWindow}
              result={result?.intent === "add_forecast_override" || result?.intent === "delete_forecast_override" ? result : undefined}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <PlanningOverridesCard
              key={JSON.stringify(d.overrides)}
              overrides={d.overrides}
              vendorDefaults={d.vendorDefaults}
              result={result?.intent === "save_overrides" ? result : undefined}
            />
            <BundlesCard partOf={d.bundles.partOf} components={d.bundles.components} />
            <AuditHistory entries={d.history} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
