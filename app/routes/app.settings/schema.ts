// What the Settings screen accepts: one zod schema per form, with messages a merchant understands.
import { z } from "zod";
import { IMPORT_KINDS } from "~/services/csv-import/formats";
import { CHANNEL_KINDS, SEVERITIES, slackUrlProblem } from "~/services/notifications/targets.server";
import { STAFF_ROLES } from "~/utils/staff-roles";

export { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "~/utils/body-limit";

export const reprocessForm = z.object({ eventId: z.string().trim().min(1).max(64) });

export const importForm = z
  .object({
    kind: z.enum(IMPORT_KINDS, { errorMap: () => ({ message: "Choose what kind of file this is." }) }),
    snapshotDate: z.string().trim().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "shopify-inventory") return;
    const date = value.snapshotDate ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["snapshotDate"], message: "Enter the date the inventory export was taken, as YYYY-MM-DD." });
    }
  });

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "true" || v === "on");

/**
 * Add (no id) or edit a notification channel. On edit an empty target keeps the stored one: the Slack URL is a
 * secret and never sent back to the browser.
 */
export const channelForm = z
  .object({
    id: z.string().trim().max(64).optional().transform((v) => v || undefined),
    kind: z.enum(CHANNEL_KINDS, { errorMap: () => ({ message: "Choose email or Slack." }) }),
    label: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .refine((v) => v === null || v.length <= 60, "Keep the name to 60 characters or fewer."),
    target: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null),
    // Checked below with the target, so one submit reports every problem at once.
    minSeverity: z.string().optional(),
    dailyDigest: checkbox,
    enabled: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!(SEVERITIES as readonly string[]).includes(v.minSeverity ?? ""))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["minSeverity"], message: "Choose which alerts to send: critical, warning or info." });
    if (v.target === null) {
      if (!v.id) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: v.kind === "slack" ? "Paste the Slack webhook URL." : "Enter an email address." });
      return;
    }
    if (v.kind === "email") {
      if (v.target.length > 254 || !z.string().email().safeParse(v.target).success)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: "Enter a valid email address, like ops@example.com." });
    } else {
      const problem = slackUrlProblem(v.target);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: problem });
    }
  })
  .transform((v) => ({ ...v, minSeverity: v.minSeverity as (typeof SEVERITIES)[number] }));

export const channelIdForm = z.object({ id: z.string().trim().min(1, "Missing channel").max(64) });

/** A Shopify staff member's id: the number from the staff URL, or its gid; stored as the number. */
const staffId = z
  .string({ required_error: "Enter the Shopify staff ID." })
  .trim()
  .transform((v, ctx) => {
    const match = /^(?:gid:\/\/shopify\/StaffMember\/)?(\d{1,20})$/.exec(v);
    if (!match) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: v === "" ? "Enter the Shopify staff ID." : "The staff ID is the number at the end of the staff member's page in Shopify admin (Settings → Users), like 104857602.",
      });
      return z.NEVER;
    }
    return match[1];
  });

export const staffRoleForm = z
  .object({
    id: z.string().trim().max(64).optional().transform((v) => v || undefined),
    staffId,
    name: z.string({ required_error: "Enter the staff member's name." }).trim().min(1, "Enter the staff member's name.").max(80, "Keep the name to 80 characters or fewer."),
    email: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .refine((v) => v === null || (v.length <= 254 && z.string().email().safeParse(v).success), "Enter a valid email address, or leave it empty."),
    role: z.enum(STAFF_ROLES, { errorMap: () => ({ message: "Choose owner, manager or viewer." }) }),
    approvesPurchaseOrders: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.role === "viewer" && v.approvesPurchaseOrders)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["approvesPurchaseOrders"], message: "Viewers cannot approve purchase orders. Make them a manager first." });
  });

export const staffIdForm = z.object({ id: z.string().trim().min(1, "Missing staff member").max(64) });

/** Settings → Approval rules: segregation of duties on purchase orders. */
export const approvalRulesForm = z.object({ blockSelfApproval: checkbox });

/** Settings → Landed cost: write received landed costs back to Shopify (docs/landed-cost.md). */
export const landedCostForm = z.object({ landedCostToShopify: checkbox });

/** First message per field, for Polaris `error` props. */
export function fieldErrors<T extends string>(error: z.ZodError): Partial<Record<T, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out as Partial<Record<T, string>>;
}
