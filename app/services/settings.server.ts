// Settings screen use cases: the shop's planning parameters (read in the units a merchant edits, saved with
// an audit entry), the status the Sync and Import sections show, and staff roles.
import { isUniqueViolation } from "~/db.server";
import { fromStoredSettings, toStoredSettings, type PlanningSettings, type StoredPlanningSettings } from "~/lib/settings";
import { recordAudit } from "~/models/audit.server";
import { listImportBatches } from "~/models/import-batch.server";
import { importPercent, type ImportBatchDto, type StockyCounts } from "~/utils/import-result";
import { findShopSettings, updateShopSettings } from "~/models/settings.server";
import { countOwners, createStaffRole, deleteStaffRole, findStaffRole, findStaffRoleById, listStaffRoles, updateStaffRole, type StaffRoleWrite } from "~/models/staff.server";
import { inTransaction } from "~/models/transaction.server";
import type { StaffIdentityResult } from "~/shopify/staff-identity.server";
import { getBackfillProgress, type BackfillProgressDto } from "./backfill.server";
import { getSyncHealth, type SyncHealth } from "./sync/health.server";
import { staffRoleFromStored, storedStaffRole, type StaffRoleName } from "~/utils/staff-roles";

export interface PlanningSettingsDto {
  settings: PlanningSettings;
  currencyCode: string;
  updatedAt: string;
}

export class ShopNotFoundError extends Error {
  override name = "ShopNotFoundError";
  constructor(shop: string) {
    super(`shop ${shop} is not installed`);
  }
}

/** The shop's planning parameters in merchant units; throws ShopNotFoundError for an unknown shop. */
export async function getPlanningSettings(shop: string): Promise<PlanningSettingsDto> {
  const row = await findShopSettings(shop);
  if (!row) throw new ShopNotFoundError(shop);
  return { settings: fromStoredSettings(row), currencyCode: row.currencyCode, updatedAt: row.updatedAt.toISOString() };
}

/**
 * Saves validated parameters for one shop and records who changed what (AuditEntry "settings.updated",
 * before/after in stored units), in one transaction. Saving identical values writes nothing.
 */
export async function savePlanningSettings(shop: string, actor: string, settings: PlanningSettings): Promise<{ changed: boolean }> {
  return inTransaction(async (tx) => {
    const row = await findShopSettings(shop, tx);
    if (!row) throw new ShopNotFoundError(shop);
    const before = toStoredSettings(fromStoredSettings(row));
    const after = toStoredSettings(settings);
    const changedKeys = (Object.keys(after) as (keyof StoredPlanningSettings)[]).filter((k) => before[k] !== after[k]);
    if (changedKeys.length === 0) return { changed: false };
    await updateShopSettings(shop, after, tx);
    const pick = (values: StoredPlanningSettings) => Object.fromEntries(changedKeys.map((k) => [k, values[k]]));
    await recordAudit(shop, { actor, action: "settings.updated", entityType: "Shop", entityId: shop, before: pick(before), after: pick(after) }, tx);
    return { changed: true };
  });
}

export interface BackfillStatusDto extends BackfillProgressDto {
  /** Whole-run progress 0–100: the stages so far plus the current stage's share of its lines. */
  percent: number;
}

const STAGE_ORDER = ["shop", "locations", "catalog", "orders", "done"] as const;

function backfillPercent(progress: BackfillProgressDto): number {
  if (progress.status === "none") return 0;
  if (progress.status === "completed") return 100;
  const index = Math.max(0, STAGE_ORDER.indexOf(progress.stage ?? "shop"));
  const within = progress.objectsTotal > 0 ? Math.min(1, progress.objectsDone / progress.objectsTotal) : 0;
  return Math.min(99, Math.round(((index + within) / (STAGE_ORDER.length - 1)) * 100));
}

export type { ImportBatchDto } from "~/utils/import-result";

export interface SyncStatusDto {
  health: SyncHealth;
  backfill: BackfillStatusDto;
  imports: ImportBatchDto[];
}

/** One import as the Import card shows it: progress while it runs, its outcome once it ended. */
function importBatchDto(b: Awaited<ReturnType<typeof listImportBatches>>[number]): ImportBatchDto {
  const result = (b.result ?? {}) as { written?: number; skipped?: number; counts?: StockyCounts };
  const errors = Array.isArray(b.errors) ? (b.errors as { line: number; message: string }[]) : [];
  return {
    id: b.id,
    kind: b.kind,
    fileName: b.fileName,
    status: (["queued", "running", "completed", "failed"] as const).find((s) => s === b.status) ?? "failed",
    rowCount: b.rowCount,
    percent: importPercent(b),
    written: result.written ?? 0,
    skipped: result.skipped ?? 0,
    ...(result.counts ? { counts: result.counts } : {}),
    rowsWritten: b.rowsWritten,
    errorCount: b.errorCount || errors.length,
    errors,
    createdAt: b.createdAt.toISOString(),
  };
}

/** What Settings → Sync and Import show: webhook and job health, the latest backfill run, recent imports. */
export async function getSyncStatus(shop: string, options: { now?: Date } = {}): Promise<SyncStatusDto> {
  const [health, progress, imports] = await Promise.all([getSyncHealth(shop, { now: options.now }), getBackfillProgress(shop), getRecentImports(shop)]);
  return { health, backfill: { ...progress, percent: backfillPercent(progress) }, imports };
}

/** What Settings → Import shows: the shop's five latest imports, newest first. */
export async function getRecentImports(shop: string): Promise<ImportBatchDto[]> {
  return (await listImportBatches(shop, 5)).map(importBatchDto);
}

// ── Staff roles ──────────────────────────────────────────────────────────────────────────────────────────
// The merchant sees three roles; purchase-order approval is a flag on managers. utils/staff-roles.ts maps
// them to stored values.

export interface StaffRoleDto {
  id: string;
  staffId: string;
  name: string;
  email: string | null;
  role: StaffRoleName;
  approvesPurchaseOrders: boolean;
  updatedAt: string;
}

export interface StaffRoleInput {
  staffId: string;
  name: string;
  email: string | null;
  role: StaffRoleName;
  approvesPurchaseOrders: boolean;
}

/** A merchant-readable refusal; `field` names the form field ("form" for the whole form). */
export class StaffRoleError extends Error {
  override name = "StaffRoleError";
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function toDto(row: { id: string; staffId: string; name: string; email: string | null; role: string; updatedAt: Date }): StaffRoleDto {
  return { id: row.id, staffId: row.staffId, name: row.name, email: row.email, ...staffRoleFromStored(row.role), updatedAt: row.updatedAt.toISOString() };
}

const stored = (input: StaffRoleInput): StaffRoleWrite => ({
  staffId: input.staffId,
  name: input.name,
  email: input.email,
  role: storedStaffRole(input.role, input.approvesPurchaseOrders),
});

const auditView = (w: StaffRoleWrite) => ({ staffId: w.staffId, name: w.name, email: w.email, role: w.role });

export async function getStaffRoles(shop: string): Promise<StaffRoleDto[]> {
  return (await listStaffRoles(shop)).map(toDto);
}

/** Who manages staff roles: the acting staff member, and how to ask Shopify who they are (absent in demo mode). */
export interface StaffManager {
  staffId: string;
  isOwner?: boolean;
  identify?: () => Promise<StaffIdentityResult>;
}

/** The refusal while the shop has no owner yet: nobody but the store's account owner may start. */
export const NO_OWNER_MESSAGE =
  "Only the store's account owner (the Shopify account that owns this store) can set up staff roles. Ask them to open Settings → Staff roles: Stockcast recognises them and makes them the owner.";
export const OWNER_ONLY_MESSAGE = "Only an owner can change staff roles. Ask the shop owner.";

/**
 * Recognises the store's account owner: a manager who is not already a Stockcast owner is looked up at
 * Shopify (token exchange, outside any transaction). If Shopify says they own the store, their StaffRole
 * row becomes "owner" with the name and email Shopify gives (created if missing, audited as "shopify").
 * Returns the manager with `isOwner` as Shopify said; other staff are left as they are.
 */
async function recogniseOwner(shop: string, manager: StaffManager): Promise<StaffManager> {
  if (manager.isOwner || !manager.identify) return manager;
  if ((await findStaffRole(shop, manager.staffId))?.role === "owner") return manager;
  const answer = await manager.identify();
  if (!answer.ok) {
    throw new StaffRoleError("form", `Stockcast could not confirm with Shopify who you are (${answer.reason}). Try again in a minute.`, 503);
  }
  const who = answer.identity;
  if (who.staffId !== manager.staffId || !who.accountOwner) return { ...manager, isOwner: false };
  // Two first requests of the account owner at once: the loser finds the row the winner wrote.
  await inTransaction(async (tx) => {
    const data: StaffRoleWrite = { staffId: who.staffId, name: who.name, email: who.email, role: "owner" };
    const existing = (await findStaffRole(shop, who.staffId, tx)) ?? (await findStaffRole(shop, `gid://shopify/StaffMember/${who.staffId}`, tx));
    if (!existing) {
      const row = await createStaffRole(shop, data, tx);
      await recordAudit(shop, { actor: "shopify", action: "staff_role.created", entityType: "StaffRole", entityId: row.id, before: null, after: { ...auditView(data), reason: "Shopify account owner" } }, tx);
    } else if (existing.role !== "owner" || existing.name !== who.name || existing.email !== who.email || existing.staffId !== who.staffId) {
      await updateStaffRole(shop, existing.id, data, tx);
      await recordAudit(shop, { actor: "shopify", action: "staff_role.updated", entityType: "StaffRole", entityId: existing.id, before: auditView(existing), after: { ...auditView(data), reason: "Shopify account owner" } }, tx);
    }
  }).catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
  });
  return { ...manager, isOwner: true };
}

/**
 * Who may change staff roles: the store's account owner (recognised through Shopify, see recogniseOwner)
 * and staff whose StaffRole is "owner". Nobody else, not even while the shop has no owner yet.
 */
async function assertMayManageStaff(shop: string, actor: StaffManager, tx: Parameters<typeof countOwners>[1]) {
  if (actor.isOwner) return;
  const row = await findStaffRole(shop, actor.staffId, tx);
  if (row?.role === "owner") return;
  throw new StaffRoleError("form", (await countOwners(shop, tx)) === 0 ? NO_OWNER_MESSAGE : OWNER_ONLY_MESSAGE, 403);
}

/** Adds (no id) or changes a staff member's role, audited. Keeps at least one owner once there is one. */
export async function saveStaffRole(shop: string, manager: StaffManager, input: StaffRoleInput, id?: string): Promise<StaffRoleDto> {
  const actor = await recogniseOwner(shop, manager);
  return inTransaction(async (tx) => {
    await assertMayManageStaff(shop, actor, tx);
    const data = stored(input);
    // Rows seeded or created before ids were normalised may hold the gid form of the same staff member.
    const clash = (await findStaffRole(shop, data.staffId, tx)) ?? (await findStaffRole(shop, `gid://shopify/StaffMember/${data.staffId}`, tx));
    if (clash && clash.id !== id) throw new StaffRoleError("staffId", `${clash.name} already has staff ID ${data.staffId}. Edit that row instead.`);
    if (!id) {
      const row = await createStaffRole(shop, data, tx);
      await recordAudit(shop, { actor: actor.staffId, action: "staff_role.created", entityType: "StaffRole", entityId: row.id, before: null, after: auditView(data) }, tx);
      return toDto(row);
    }
    const existing = await findStaffRoleById(shop, id, tx);
    if (!existing) throw new StaffRoleError("form", "This staff member no longer has a role. Reload the page.", 404);
    if (existing.role === "owner" && data.role !== "owner" && (await countOwners(shop, tx)) === 1)
      throw new StaffRoleError("role", "Keep at least one owner: make someone else an owner first.");
    const row = await updateStaffRole(shop, id, data, tx);
    await recordAudit(shop, { actor: actor.staffId, action: "staff_role.updated", entityType: "StaffRole", entityId: id, before: auditView(existing), after: auditView(data) }, tx);
    return toDto(row);
  });
}

export async function removeStaffRole(shop: string, manager: StaffManager, id: string): Promise<void> {
  const actor = await recogniseOwner(shop, manager);
  await inTransaction(async (tx) => {
    await assertMayManageStaff(shop, actor, tx);
    const existing = await findStaffRoleById(shop, id, tx);
    if (!existing) throw new StaffRoleError("form", "This staff member no longer has a role. Reload the page.", 404);
    if (existing.role === "owner" && (await countOwners(shop, tx)) === 1)
      throw new StaffRoleError("form", "Keep at least one owner: make someone else an owner before removing this one.");
    await deleteStaffRole(shop, id, tx);
    await recordAudit(shop, { actor: actor.staffId, action: "staff_role.deleted", entityType: "StaffRole", entityId: id, before: auditView(existing), after: null }, tx);
  });
}
