import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { guardChange } from "~/services/permissions.server";
import { overwriteView, removeView, renameView, saveView, type SavedViewResult } from "~/services/saved-views.server";
import { FORM } from "~/utils/form-errors";
import { SAVED_VIEW_SCREENS, savedViewNameSchema, type SavedViewActionData } from "~/utils/saved-views";

// POST /app/saved-views: save, overwrite, rename or delete a saved view of a list screen. Posted by the
// screen's view picker with a fetcher, so a refusal leaves the screen's URL (its filters) as it was and the
// picker shows why. Anyone may apply a view (a plain link); viewers may not change them.

const screen = z.enum(SAVED_VIEW_SCREENS);
const id = z.string().min(1).max(64);
// The screen's URL search; the service normalizes it with the screen's own schema.
const query = z.string().max(2_000, "These filters are too long to save");

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save_view"), screen, name: savedViewNameSchema, query }),
  z.object({ intent: z.literal("overwrite_view"), screen, id, query }),
  z.object({ intent: z.literal("rename_view"), screen, id, name: savedViewNameSchema }),
  z.object({ intent: z.literal("delete_view"), screen, id }),
]);
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS = [...actionSchema.optionsMap.keys()] as string[];

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { actor, refusal } = await guardChange(ctx, request);
  if (refusal) return json<SavedViewActionData>({ error: refusal }, { status: 403 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()), FORM);
  if (!parsed.success) return json<SavedViewActionData>({ error: parsed.error.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  const input = parsed.data;
  const result: SavedViewResult =
    input.intent === "save_view"
      ? await saveView(ctx.shop, actor.staffId, input)
      : input.intent === "overwrite_view"
        ? await overwriteView(ctx.shop, actor.staffId, input)
        : input.intent === "rename_view"
          ? await renameView(ctx.shop, actor.staffId, input)
          : await removeView(ctx.shop, actor.staffId, input);
  if (!result.ok) return json<SavedViewActionData>({ error: result.error }, { status: result.status });
  return json<SavedViewActionData>({ error: null, view: result.view });
}
