// Segregation of duties on purchase orders (issue 17): whoever submitted a PO may not approve it. The shop
// chooses; until it does, the rule is on as soon as two staff can approve (someone else is there to do it).
import { recordAudit } from "~/models/audit.server";
import { findBlockSelfApproval, setBlockSelfApproval } from "~/models/approval-rules.server";
import { countApprovers, findStaffRole } from "~/models/staff.server";
import { defaultDb, inTransaction, type Db } from "~/models/transaction.server";
import type { Actor } from "~/services/permissions.server";
import { ShopNotFoundError } from "~/services/settings.server";

/** Approvers needed before the rule is on by default. */
export const DEFAULT_ON_FROM_APPROVERS = 2;

export interface ApprovalRulesDto {
  /** Whether a submitter is refused approving their own PO now. */
  blockSelfApproval: boolean;
  /** True while the shop has not chosen: the rule follows the number of approvers. */
  automatic: boolean;
  approvers: number;
}

export const SELF_APPROVAL_MESSAGE = "You submitted this purchase order, so someone else must approve it. Ask another owner or manager who approves purchase orders.";
export const APPROVAL_RULES_OWNER_MESSAGE = "Only an owner can change approval rules. Ask the shop owner.";

/** The shop's rule as it applies now. @throws ShopNotFoundError */
export async function getApprovalRules(shop: string, db: Db = defaultDb): Promise<ApprovalRulesDto> {
  const [stored, approvers] = await Promise.all([findBlockSelfApproval(shop, db), countApprovers(shop, db)]);
  if (stored === undefined) throw new ShopNotFoundError(shop);
  return { blockSelfApproval: stored ?? approvers >= DEFAULT_ON_FROM_APPROVERS, automatic: stored === null, approvers };
}

/** Whether `actor` approving a PO submitted by `submitter` breaks the shop's rule (read in the caller's transaction). */
export async function isRefusedSelfApproval(shop: string, actor: Actor, submitter: string, db: Db): Promise<boolean> {
  if (actor.staffId !== submitter) return false;
  return (await getApprovalRules(shop, db)).blockSelfApproval;
}

export class ApprovalRulesError extends Error {
  override name = "ApprovalRulesError";
}

/** Sets the rule (owners only), audited as settings.approval_rules_updated. Saving the value in force writes nothing. */
export async function saveApprovalRules(shop: string, actor: Actor, blockSelfApproval: boolean): Promise<{ changed: boolean }> {
  return inTransaction(async (tx) => {
    if (!actor.isOwner && (await findStaffRole(shop, actor.staffId, tx))?.role !== "owner") throw new ApprovalRulesError(APPROVAL_RULES_OWNER_MESSAGE);
    const before = await getApprovalRules(shop, tx);
    if (!before.automatic && before.blockSelfApproval === blockSelfApproval) return { changed: false };
    await setBlockSelfApproval(shop, blockSelfApproval, tx);
    await recordAudit(
      shop,
      { actor: actor.staffId, action: "settings.approval_rules_updated", entityType: "Shop", entityId: shop, before: { blockSelfApproval: before.automatic ? null : before.blockSelfApproval }, after: { blockSelfApproval } },
      tx,
    );
    return { changed: true };
  });
}
