// What every Settings section's action does first: read the form (multipart for the import, up to its
// limit), accept only that section's intents, and check the staff role before anything changes.
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { guardChange, type Actor } from "~/services/permissions.server";
import { FORM } from "~/utils/form-errors";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "./schema";

export type SettingsAdmin = Awaited<ReturnType<typeof requireAdmin>>;

export interface SettingsPost<I extends string> {
  admin: SettingsAdmin;
  actor: Actor;
  intent: I;
  form: FormData;
  /** The form's text fields (files left out). */
  fields: Record<string, string>;
}

/** A viewer's refusal in the shape the card of `intent` shows. */
function refused(intent: string, message: string) {
  const body =
    intent === "reprocess"
      ? { intent, eventId: "", outcome: "skipped", error: message }
      : intent === "save-settings" || intent === "import"
        ? { intent, ok: false, fieldErrors: { form: message, ...(intent === "import" ? { file: message } : {}) } }
        : { intent, ok: false, message };
  return json(body, { status: 403 });
}

/**
 * Reads a post to one Settings section. Returns the Response to send instead when the file is too large or the
 * staff member may not change settings (viewers); `ownerRuled` intents keep their own, stricter check (staff
 * roles: only owners, settings.server.ts). Throws 400 for an intent this section does not handle.
 */
export async function readSettingsPost<I extends string>(
  request: Request,
  intents: readonly [I, ...I[]],
  options: { ownerRuled?: readonly I[] } = {},
): Promise<SettingsPost<I> | Response> {
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
    return json(
      { intent: "import", ok: false, fieldErrors: { file: `This file is larger than ${MAX_UPLOAD_MB} MB. Split it into smaller files (for example one per year) and import each.` } },
      { status: 413 },
    );
  }
  const intent = z.enum(intents).safeParse(form.get("intent"), FORM);
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const { actor, refusal } = await guardChange(admin, request);
  if (refusal && !options.ownerRuled?.includes(intent.data as I)) return refused(intent.data, refusal);
  const fields = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { admin, actor, intent: intent.data as I, form, fields };
}
