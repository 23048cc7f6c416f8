// Saved views (named filter and sort sets of a list screen, shared by the shop's staff): save, overwrite,
// rename, delete. Every write runs in one transaction with its audit entry; the route checks the role first.
import { isUniqueViolation } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import {
  countSavedViews,
  createSavedView,
  deleteSavedView,
  findSavedView,
  findSavedViewByName,
  listSavedViews,
  lockSavedViews,
  updateSavedView,
} from "~/models/saved-views.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import { MAX_SAVED_VIEWS, normalizeViewQuery, viewNameKey, type SavedViewDto, type SavedViewScreen } from "~/utils/saved-views";

export type SavedViewResult = { ok: true; view: SavedViewDto } | { ok: false; status: 400 | 404 | 409; error: string };

const SCREEN_LABEL: Record<SavedViewScreen, string> = { replenishment: "Replenishment" };

const toDto = (row: { id: string; name: string; query: string }): SavedViewDto => ({ id: row.id, name: row.name, query: row.query });

/** A refusal, in words the merchant can act on. */
const refuse = (status: 400 | 404 | 409, error: string): SavedViewResult => ({ ok: false, status, error });
const taken = (name: string) => refuse(409, `There is already a view named “${name}” — choose another name`);
const gone = () => refuse(404, "That view no longer exists — someone may have deleted it. Reload the page to see the current views.");
const badQuery = () => refuse(400, "These filters can't be saved — reload the page and try again");

/** The shop's views of `screen`, by name. */
export async function getSavedViews(shop: string, screen: SavedViewScreen): Promise<SavedViewDto[]> {
  return (await listSavedViews(shop, screen)).map(toDto);
}

/** The query a view stores for this screen's URL search, or null when the screen's loader would refuse it. */
function normalized(screen: SavedViewScreen, query: string): string | null {
  return normalizeViewQuery(screen, new URLSearchParams(query));
}

/** Runs a write; a unique-name race lost to a concurrent save reads as the name being taken. */
async function write(name: string, fn: (tx: Db) => Promise<SavedViewResult>): Promise<SavedViewResult> {
  try {
    return await inTransaction(fn);
  } catch (error) {
    if (isUniqueViolation(error)) return taken(name.trim());
    throw error;
  }
}

/** Saves the current filters and sort as a new view named `name` (at most MAX_SAVED_VIEWS per screen). */
export async function saveView(shop: string, actor: string, input: { screen: SavedViewScreen; name: string; query: string }): Promise<SavedViewResult> {
  const query = normalized(input.screen, input.query);
  if (query === null) return badQuery();
  const name = input.name.trim();
  return write(name, async (tx) => {
    await lockSavedViews(shop, input.screen, tx);
    if (await findSavedViewByName(shop, input.screen, viewNameKey(name), null, tx)) return taken(name);
    if ((await countSavedViews(shop, input.screen, tx)) >= MAX_SAVED_VIEWS) {
      return refuse(409, `${SCREEN_LABEL[input.screen]} already has ${MAX_SAVED_VIEWS} saved views, the most it can keep — delete one you no longer use, or overwrite it`);
    }
    const view = await createSavedView(shop, { screen: input.screen, name, nameKey: viewNameKey(name), query, createdBy: actor }, tx);
    await recordAudit(shop, { actor, action: "saved_view.created", entityType: "SavedView", entityId: view.id, before: null, after: { screen: input.screen, name, query } }, tx);
    return { ok: true, view: toDto(view) };
  });
}

/** Replaces a view's filters and sort with the current ones. */
export async function overwriteView(shop: string, actor: string, input: { screen: SavedViewScreen; id: string; query: string }): Promise<SavedViewResult> {
  const query = normalized(input.screen, input.query);
  if (query === null) return badQuery();
  return inTransaction(async (tx) => {
    const before = await findSavedView(shop, input.screen, input.id, tx);
    if (!before) return gone();
    const view = await updateSavedView(shop, input.screen, input.id, { query }, tx);
    if (!view) return gone();
    await recordAudit(shop, { actor, action: "saved_view.overwritten", entityType: "SavedView", entityId: view.id, before: { query: before.query }, after: { query } }, tx);
    return { ok: true, view: toDto(view) };
  });
}

/** Renames a view (names stay unique per shop × screen, whatever their case). */
export async function renameView(shop: string, actor: string, input: { screen: SavedViewScreen; id: string; name: string }): Promise<SavedViewResult> {
  const name = input.name.trim();
  return write(name, async (tx) => {
    const before = await findSavedView(shop, input.screen, input.id, tx);
    if (!before) return gone();
    if (await findSavedViewByName(shop, input.screen, viewNameKey(name), input.id, tx)) return taken(name);
    const view = await updateSavedView(shop, input.screen, input.id, { name, nameKey: viewNameKey(name) }, tx);
    if (!view) return gone();
    await recordAudit(shop, { actor, action: "saved_view.renamed", entityType: "SavedView", entityId: view.id, before: { name: before.name }, after: { name } }, tx);
    return { ok: true, view: toDto(view) };
  });
}

/** Deletes a view for every member of staff. */
export async function removeView(shop: string, actor: string, input: { screen: SavedViewScreen; id: string }): Promise<SavedViewResult> {
  return inTransaction(async (tx) => {
    const before = await findSavedView(shop, input.screen, input.id, tx);
    if (!before || !(await deleteSavedView(shop, input.screen, input.id, tx))) return gone();
    await recordAudit(shop, { actor, action: "saved_view.deleted", entityType: "SavedView", entityId: before.id, before: { name: before.name, query: before.query }, after: null }, tx);
    return { ok: true, view: toDto(before) };
  });
}
