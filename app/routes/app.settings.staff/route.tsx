// Settings → Staff roles: map Shopify staff to Stockcast roles. Only owners change them (settings.server.ts),
// a stricter rule than the viewer check every other setting has.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Layout } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { StaffRolesCard, type StaffActionResult } from "~/components/settings/StaffRolesCard";
import { getStaffRoles, removeStaffRole, saveStaffRole, StaffRoleError } from "~/services/settings.server";
import { FORM } from "~/utils/form-errors";
import { fieldErrors, staffIdForm, staffRoleForm } from "../app.settings/schema";
import { readSettingsPost } from "../app.settings/section.server";
import { useSettingsSection } from "../app.settings/use-section";

export const ACTION_INTENTS = ["save-staff", "delete-staff"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return json({ staff: await getStaffRoles(shop) });
}

export async function action({ request }: ActionFunctionArgs) {
  // Both intents keep the owner-only rule (and its message) instead of the viewer check.
  const post = await readSettingsPost(request, ACTION_INTENTS, { ownerRuled: ACTION_INTENTS });
  if (post instanceof Response) return post;
  const { admin, actor, intent, fields } = post;
  const manager = { ...actor, identify: admin.identify };
  try {
    if (intent === "save-staff") {
      const parsed = staffRoleForm.safeParse(fields, FORM);
      if (!parsed.success) return json<StaffActionResult>({ intent, ok: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
      const { id, ...input } = parsed.data;
      const saved = await saveStaffRole(admin.shop, manager, input, id);
      return json<StaffActionResult>({ intent, ok: true, staffRoleId: saved.id, message: id ? `${saved.name}'s role saved.` : `${saved.name} added.` });
    }
    const parsed = staffIdForm.safeParse(fields, FORM);
    if (!parsed.success) throw new Response("Missing staff id", { status: 400 });
    await removeStaffRole(admin.shop, manager, parsed.data.id);
    return json<StaffActionResult>({ intent, ok: true, staffRoleId: parsed.data.id, message: "Staff member removed." });
  } catch (error) {
    if (error instanceof StaffRoleError) // The card shows the error beside the form of the intent that failed (a removal's under its row).
      return json<StaffActionResult>({ intent, ok: false, fieldErrors: { [error.field]: error.message } }, { status: error.status });
    throw error;
  }
}

export default function StaffSettingsSection() {
  const { data, result, pending, post } = useSettingsSection<typeof loader, StaffActionResult>();
  return (
    <Layout>
      <Layout.AnnotatedSection
        id="staff"
        title="Staff roles"
        description="Map Shopify staff to Stockcast roles: owners and approving managers approve purchase orders; viewers only look."
      >
        <StaffRolesCard
          staff={data.staff}
          pending={pending === "save-staff" || pending === "delete-staff" ? pending : null}
          result={result}
          onSave={(values) => post("save-staff", values)}
          onDelete={(id) => post("delete-staff", { id })}
        />
      </Layout.AnnotatedSection>
    </Layout>
  );
}
