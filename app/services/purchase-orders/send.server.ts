// "Send to vendor": email the PO (PDF and/or CSV attached) through SMTP, then approved → sent. The email goes
// first, outside any transaction: when it fails nothing is written and the PO stays approved, so the merchant
// can simply retry. A PO already sent (or partly received) may be sent again as an update (same status and
// sentAt, new sentTo, its own audit entry).
import { recordAudit } from "~/models/audit.server";
import { findPurchaseOrder, updatePurchaseOrderIfVersion } from "~/models/purchase-orders.server";
import { inTransaction } from "~/models/transaction.server";
import { logger } from "~/utils/logger.server";
import { MailNotConfiguredError, sendMail, type MailAttachment } from "~/utils/mailer.server";
import { CONFLICT_MESSAGE, NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { PO_ENTITY, type PoChangeResult } from "./lifecycle.server";
import { assertPermission, type PoActor } from "./permissions.server";
import { buildPoDocument, poCsvFile, poPdfFile } from "./po-document.server";
import { vendorEmail } from "./po-document";
import { transition } from "./state-machine";

export interface SendToVendorInput {
  /** The vendor's address (validated by the caller's schema). */
  to: string;
  message: string;
  attachPdf: boolean;
  attachCsv: boolean;
}

/**
 * Where a PO goes next when sent: approved → sent; a sent or partially received PO may be sent again as an
 * update (changed dates, say) and keeps its status.
 */
function sendTarget(status: string): { ok: true; to: string; resend: boolean } | { ok: false; message: string } {
  if (status === "sent" || status === "partially_received") return { ok: true, to: status, resend: true };
  const next = transition(status, "send");
  return next.ok ? { ok: true, to: next.to, resend: false } : next;
}

function mailFailure(error: unknown, number: string, status: string): PurchaseOrderError {
  const still = status === "approved" ? "is still approved" : "is unchanged";
  if (error instanceof MailNotConfiguredError) {
    return new PurchaseOrderError("mail_failed", `${error.message} ${number} ${still}; you can also mark it as sent without email.`);
  }
  const reason = error instanceof Error ? error.message.replace(/\s+/g, " ").trim() : String(error);
  return new PurchaseOrderError("mail_failed", `The email couldn't be sent (${reason}). ${number} ${still} and nothing was changed — try again.`);
}

/**
 * Emails PO `poId` to `input.to` with the chosen attachments and marks it sent (sentAt, sentTo, audit entry).
 * Checks permission, version and status before sending; a mail failure throws `mail_failed` and writes nothing.
 */
export async function sendToVendor(shop: string, actor: PoActor, poId: string, expectedVersion: number, input: SendToVendorInput): Promise<PoChangeResult> {
  const po = await findPurchaseOrder(shop, poId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  await assertPermission(shop, actor, "edit", "send");
  if (po.version !== expectedVersion) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
  const target = sendTarget(po.status);
  if (!target.ok) throw new PurchaseOrderError("illegal_transition", target.message);
  if (!input.attachPdf && !input.attachCsv) throw new PurchaseOrderError("invalid", "Attach the PDF, the CSV or both");

  const doc = await buildPoDocument(shop, po);
  const files = [...(input.attachPdf ? [await poPdfFile(doc)] : []), ...(input.attachCsv ? [poCsvFile(doc)] : [])];
  const attachments: MailAttachment[] = files.map((f) => ({ filename: f.filename, content: f.body, contentType: f.contentType }));
  const { subject, text } = vendorEmail(doc, input.message);
  let messageId: string;
  try {
    ({ messageId } = await sendMail({ to: input.to, subject, text, attachments }));
  } catch (error) {
    logger.warn({ kind: "mail", shop, purchaseOrder: po.number, error: error instanceof Error ? error.message : String(error) }, "purchase order email failed");
    throw mailFailure(error, po.number, po.status);
  }

  return inTransaction(async (tx) => {
    // An update keeps the first sentAt: lead time is measured from when the vendor first had the order.
    const changed = await updatePurchaseOrderIfVersion(shop, po.id, expectedVersion, { status: target.to, ...(target.resend ? {} : { sentAt: new Date() }), sentTo: input.to }, tx);
    if (changed === 0) {
      throw new PurchaseOrderError("conflict", `The email went to ${input.to}, but ${po.number} was changed by someone else meanwhile — reload to see the latest`);
    }
    await recordAudit(
      shop,
      {
        actor: actor.staffId,
        action: target.resend ? "purchase_order.resent" : "purchase_order.sent",
        entityType: PO_ENTITY,
        entityId: po.id,
        before: { status: po.status, version: po.version, sentTo: po.sentTo },
        after: { status: target.to, version: po.version + 1, sentTo: input.to, attachments: files.map((f) => f.filename), messageId },
      },
      tx,
    );
    return { id: po.id, status: target.to, version: po.version + 1 };
  });
}
