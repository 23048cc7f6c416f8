// The Settings sections (nested routes under /app/settings), for tests that post several sections' intents
// through one helper: each post goes to the real action of the section that handles its intent.
import type { ActionFunctionArgs } from "@remix-run/node";
import { APP } from "./admin-request";
import * as importSection from "~/routes/app.settings.import/route";
import * as notificationsSection from "~/routes/app.settings.notifications/route";
import * as planningSection from "~/routes/app.settings._index/route";
import * as purchaseOrdersSection from "~/routes/app.settings.purchase-orders/route";
import * as staffSection from "~/routes/app.settings.staff/route";
import * as syncSection from "~/routes/app.settings.sync/route";

export const SETTINGS_SECTIONS = [
  { file: "app.settings._index/route.tsx", path: "/app/settings", route: planningSection },
  { file: "app.settings.sync/route.tsx", path: "/app/settings/sync", route: syncSection },
  { file: "app.settings.import/route.tsx", path: "/app/settings/import", route: importSection },
  { file: "app.settings.notifications/route.tsx", path: "/app/settings/notifications", route: notificationsSection },
  { file: "app.settings.staff/route.tsx", path: "/app/settings/staff", route: staffSection },
  { file: "app.settings.purchase-orders/route.tsx", path: "/app/settings/purchase-orders", route: purchaseOrdersSection },
] as const;

/** The section whose action handles `intent`; throws for an intent no section handles. */
export function settingsSectionFor(intent: string) {
  const section = SETTINGS_SECTIONS.find((s) => (s.route.ACTION_INTENTS as readonly string[]).includes(intent));
  if (!section) throw new Error(`no Settings section handles intent ${intent}`);
  return section;
}

/**
 * The action of the section that handles the posted form's intent (read from a copy of the request); an intent
 * no section handles goes to the first section, which refuses it (400) as every section does.
 */
export async function settingsAction(args: ActionFunctionArgs) {
  const intent = String((await args.request.clone().formData()).get("intent"));
  const section = SETTINGS_SECTIONS.find((s) => (s.route.ACTION_INTENTS as readonly string[]).includes(intent)) ?? SETTINGS_SECTIONS[0];
  return section.route.action(args);
}

/**
 * Posts a Settings form (plain fields, or a body as the browser sends it) with `headers` to `action` (by
 * default the section that handles its intent); the response's status and JSON body.
 */
export async function postSettings(headers: Record<string, string>, fields: Record<string, string> | URLSearchParams | FormData, action: (args: ActionFunctionArgs) => Promise<unknown> = settingsAction) {
  const body = fields instanceof URLSearchParams || fields instanceof FormData ? fields : new URLSearchParams(fields);
  const request = new Request(`${APP}/app/settings`, { method: "POST", headers, body });
  const response = (await action({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: await response.json() };
}
