// Settings → Purchase orders: approval rules (segregation of duties) and the landed-cost write-back.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Layout } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { ApprovalRulesCard, type ApprovalRulesActionResult } from "~/components/settings/ApprovalRulesCard";
import { LandedCostSettingCard, type LandedCostActionResult } from "~/components/settings/LandedCostSettingCard";
import { ApprovalRulesError, getApprovalRules, saveApprovalRules } from "~/services/approval-rules.server";
import { getLandedCostSetting, saveLandedCostSetting } from "~/services/purchase-orders/landed-cost.server";
import { FORM } from "~/utils/form-errors";
import { approvalRulesForm, landedCostForm } from "../app.settings/schema";
import { readSettingsPost } from "../app.settings/section.server";
import { useSettingsSection } from "../app.settings/use-section";

export const ACTION_INTENTS = ["save-approval-rules", "save-landed-cost"] as const;

type PurchaseOrderSettingsResult = ApprovalRulesActionResult | LandedCostActionResult;

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const [approvalRules, landedCost] = await Promise.all([getApprovalRules(shop), getLandedCostSetting(shop)]);
  return json({ approvalRules, landedCost });
}

export async function action({ request }: ActionFunctionArgs) {
  const post = await readSettingsPost(request, ACTION_INTENTS);
  if (post instanceof Response) return post;
  const { admin, actor, fields } = post;
  if (post.intent === "save-landed-cost") {
    const parsed = landedCostForm.safeParse(fields, FORM);
    if (!parsed.success) throw new Response("Invalid landed cost setting", { status: 400 });
    const { changed } = await saveLandedCostSetting(admin.shop, actor, parsed.data.landedCostToShopify);
    return json<PurchaseOrderSettingsResult>({ intent: "save-landed-cost", ok: true, changed });
  }
  const parsed = approvalRulesForm.safeParse(fields, FORM);
  if (!parsed.success) throw new Response("Invalid approval rule", { status: 400 });
  try {
    const { changed } = await saveApprovalRules(admin.shop, actor, parsed.data.blockSelfApproval);
    return json<PurchaseOrderSettingsResult>({ intent: "save-approval-rules", ok: true, changed });
  } catch (error) {
    if (!(error instanceof ApprovalRulesError)) throw error;
    return json<PurchaseOrderSettingsResult>({ intent: "save-approval-rules", ok: false, message: error.message }, { status: 403 });
  }
}

export default function PurchaseOrderSettingsSection() {
  const { data, result, pending, post } = useSettingsSection<typeof loader, PurchaseOrderSettingsResult>();
  return (
    <Layout>
      <Layout.AnnotatedSection id="approval-rules" title="Approval rules" description="Segregation of duties: a second person checks each purchase order before it goes to the vendor.">
        <ApprovalRulesCard
          rules={data.approvalRules}
          saving={pending === "save-approval-rules"}
          result={result?.intent === "save-approval-rules" ? result : null}
          onSave={(values) => post("save-approval-rules", values)}
        />
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="landed-cost" title="Landed cost" description="Freight, duty and other charges on purchase orders make each variant's landed cost.">
        <LandedCostSettingCard
          setting={data.landedCost}
          saving={pending === "save-landed-cost"}
          result={result?.intent === "save-landed-cost" ? result : null}
          onSave={(values) => post("save-landed-cost", values)}
        />
      </Layout.AnnotatedSection>
    </Layout>
  );
}
