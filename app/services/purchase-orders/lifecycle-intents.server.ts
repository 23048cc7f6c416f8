// Runs the PO page's lifecycle intents (lifecycle-forms.ts) against the services: close short, cancel the
// remainder, edit lines, add a line, change dates. The route authenticates, guards the role and re-plans.
import type { z } from "zod";
import { updateDates, updateDraftLines, BACK_TO_APPROVAL_MESSAGE } from "./edits.server";
import { cancelRemainder, closeShort } from "./lifecycle.server";
import type { LIFECYCLE_FORMS } from "./lifecycle-forms";
import type { PoActor } from "./permissions.server";

export type LifecycleInput = z.infer<(typeof LIFECYCLE_FORMS)[number]>;
export const LIFECYCLE_INTENTS: readonly string[] = ["close_short", "cancel_remainder", "update_lines", "add_line", "update_dates"];

export function isLifecycleInput(input: { intent: string }): input is LifecycleInput {
  return LIFECYCLE_INTENTS.includes(input.intent);
}

/** Applies one intent; returns a notice for the merchant when the change had a further effect. */
export async function runLifecycleIntent(shop: string, actor: PoActor, poId: string, input: LifecycleInput): Promise<{ notice: string | null }> {
  switch (input.intent) {
    case "close_short":
      await closeShort(shop, actor, poId, input.version);
      return { notice: null };
    case "cancel_remainder":
      await cancelRemainder(shop, actor, poId, input.version, input.reason);
      return { notice: null };
    case "update_lines": {
      const r = await updateDraftLines(shop, actor, poId, input.version, input.lines);
      return { notice: r.backToApproval ? BACK_TO_APPROVAL_MESSAGE : null };
    }
    case "add_line": {
      const r = await updateDraftLines(shop, actor, poId, input.version, [], [{ variantId: input.variantId, quantity: input.addQuantity, unitCost: input.addUnitCost }]);
      return { notice: r.backToApproval ? BACK_TO_APPROVAL_MESSAGE : null };
    }
    case "update_dates":
      await updateDates(shop, actor, poId, input.version, { expectedDate: input.expectedDate, confirmedEta: input.confirmedEta });
      return { notice: null };
  }
}
