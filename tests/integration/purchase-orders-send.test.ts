// "Send to vendor": the PO as PDF and CSV, emailed through a real SMTP server (smtp-server capture), through
// the real Remix loaders/actions and Shopify's session-token auth.
import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { useSmtpServer } from "~/utils/mailer.server";
import * as detailRoute from "~/routes/app.purchase-orders_.$id";
import * as downloadRoute from "~/routes/app.purchase-orders_.$id.$format";
import { startSmtpCapture, type SmtpCapture } from "../../scripts/mail/smtp-capture";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const CLERK = "5101"; // no StaffRole row: may send
const APPROVER = "5102";
const VIEWER = "5103";

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
beforeEach(() => {
  useSmtpServer(smtp.url);
  smtp.messages.length = 0;
  smtp.failNext(0);
});
afterAll(async () => {
  useSmtpServer(undefined);
  await smtp?.close();
});

const EXPECTED_CSV_ROWS = ['ST-1,,"Stove ""Mini"", 2-burner",2,45.50,91.00', "T-G,,Tent — Green,3,19.99,59.97"];

async function seedShop(label: string, status = "approved") {
  const store = `po-send-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await prisma.shop.create({ data: { shop, name: "Maple & Moss", currencyCode: "CAD" } });
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: APPROVER, name: "Avery Approver", role: "approver" },
      { shop, staffId: VIEWER, name: "Vic Viewer", role: "viewer" },
    ],
  });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme", contactName: "Ann Acme", email: "orders@acme.test", currency: "CAD" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const tent = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const stove = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/2", title: 'Stove "Mini", 2-burner', vendorId: vendor.id } });
  const green = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: tent.id, title: "Green", sku: "T-G" } });
  const plain = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/2", productId: stove.id, title: "Default Title", sku: "ST-1" } });
  const po = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, currency: "CAD", createdBy: CLERK, status,
      expectedAt: new Date("2026-12-01T00:00:00Z"),
      ...(status === "approved" ? { approvedBy: APPROVER, approvedAt: new Date("2026-11-20T00:00:00Z") } : {}),
      lines: { create: [{ shop, variantId: green.id, quantityOrdered: 3, unitCost: "19.99" }, { shop, variantId: plain.id, quantityOrdered: 2, unitCost: "45.5" }] },
    },
  });
  return { store, shop, po };
}

const getDetail = (store: string, staff: string, id: string) => getAsStaff(detailRoute.loader, `/app/purchase-orders/${id}`, store, staff, { id });
const postDetail = (store: string, staff: string, id: string, fields: Record<string, string>) =>
  postAsStaff(detailRoute.action, `/app/purchase-orders/${id}`, store, staff, fields, { id });

const download = (format: string, store: string, id: string) => getAsStaff(downloadRoute.loader, `/app/purchase-orders/${id}/${format}`, store, CLERK, { id, format });

const sendFields = (over: Record<string, string> = {}) => ({
  intent: "send_email", version: "1", to: "orders@acme.test", message: "Hello Ann, here is our order.", attachPdf: "true", attachCsv: "true", ...over,
});

const csvRows = (csv: string) => {
  const [header, ...rows] = csv.split("\r\n").filter(Boolean);
  return { header, rows: rows.sort() };
};

async function state(shop: string, id: string) {
  const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop, id } });
  const audits = await prisma.auditEntry.findMany({ where: { shop, entityId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return { status: po.status, version: po.version, sentAt: po.sentAt, sentTo: po.sentTo, audits };
}

describe("sending a purchase order to the vendor", () => {
  it("emails the PDF and CSV through SMTP, then marks the PO sent with sentTo and an audit entry", async () => {
    const a = await seedShop("happy");
    const page = await (await getDetail(a.store, CLERK, a.po.id)).json();
    expect(page.canSend).toBe(true);
    expect(page.sendDefaults.to).toBe("orders@acme.test");
    expect(page.sendDefaults.message).toContain("Hello Ann Acme,");
    expect(page.sendDefaults.message).toContain("purchase order PO-1001 for delivery to Warehouse by Dec 1, 2026");

    const response = await postDetail(a.store, CLERK, a.po.id, sendFields({ to: "  sales@acme.test " }));
    expect(response.status).toBe(200);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.to).toEqual(["sales@acme.test"]);
    expect(mail.subject).toBe("Purchase order PO-1001 from Maple & Moss");
    expect(mail.text).toContain("Hello Ann, here is our order.");
    expect(mail.text).toContain("2 lines, 5 units, total CA$150.97");
    expect(mail.attachments.map((f) => [f.filename, f.contentType])).toEqual([
      ["PO-1001.pdf", "application/pdf"],
      ["PO-1001.csv", "text/csv"],
    ]);
    expect(mail.attachments[0].content.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(csvRows(mail.attachments[1].content.toString("utf8"))).toEqual({ header: "sku,vendor_sku,title,quantity,unit_cost,line_total", rows: EXPECTED_CSV_ROWS });

    const after = await state(a.shop, a.po.id);
    expect(after).toMatchObject({ status: "sent", version: 2, sentTo: "sales@acme.test" });
    expect(after.sentAt).toBeInstanceOf(Date);
    expect(after.audits.map((e) => [e.action, e.actor, e.before, e.after])).toEqual([
      [
        "purchase_order.sent", CLERK,
        { status: "approved", version: 1, sentTo: null },
        { status: "sent", version: 2, sentTo: "sales@acme.test", attachments: ["PO-1001.pdf", "PO-1001.csv"], messageId: expect.any(String) },
      ],
    ]);
    const detail = await (await getDetail(a.store, CLERK, a.po.id)).json();
    expect(detail.po).toMatchObject({ status: "sent", sentTo: "sales@acme.test" });
    expect(detail.history[0]).toMatchObject({ action: "purchase_order.sent", detail: "Emailed to sales@acme.test · PO-1001.pdf, PO-1001.csv" });
    expect(detail.sendDefaults.to).toBe("sales@acme.test"); // a re-send goes where the last one went
  });

  it("attaches only what was ticked, and re-sends a sent PO without changing its status", async () => {
    const a = await seedShop("resend");
    expect((await postDetail(a.store, CLERK, a.po.id, sendFields({ attachCsv: "false" }))).status).toBe(200);
    expect(smtp.messages[0].attachments.map((f) => f.filename)).toEqual(["PO-1001.pdf"]);
    expect((await postDetail(a.store, CLERK, a.po.id, sendFields({ version: "2", attachPdf: "false", to: "backup@acme.test" }))).status).toBe(200);
    expect(smtp.messages[1].attachments.map((f) => f.filename)).toEqual(["PO-1001.csv"]);
    const after = await state(a.shop, a.po.id);
    expect(after).toMatchObject({ status: "sent", version: 3, sentTo: "backup@acme.test" });
    expect(after.audits.map((e) => e.action)).toEqual(["purchase_order.sent", "purchase_order.resent"]);

    const none = await postDetail(a.store, CLERK, a.po.id, sendFields({ version: "3", attachPdf: "false", attachCsv: "false" }));
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ error: "Attach the PDF, the CSV or both", code: "invalid" });
    expect(smtp.messages).toHaveLength(2);
  });

  it("keeps the PO approved when SMTP fails, says so, and succeeds on retry", async () => {
    const a = await seedShop("smtp-down");
    const before = await state(a.shop, a.po.id);
    smtp.failNext(1);
    const failed = await postDetail(a.store, CLERK, a.po.id, sendFields());
    expect(failed.status).toBe(502);
    const body = await failed.json();
    expect(body.code).toBe("mail_failed");
    expect(body.error).toMatch(/^The email couldn't be sent \(.*451.*\)\. PO-1001 is still approved and nothing was changed — try again\.$/);
    expect(await state(a.shop, a.po.id)).toEqual(before);
    expect(smtp.messages).toHaveLength(0);

    const retried = await postDetail(a.store, CLERK, a.po.id, sendFields());
    expect(retried.status).toBe(200);
    expect(smtp.messages).toHaveLength(1);
    expect(await state(a.shop, a.po.id)).toMatchObject({ status: "sent", version: 2, sentTo: "orders@acme.test" });
  });

  it("explains that email isn't configured, and changes nothing", async () => {
    const a = await seedShop("no-smtp");
    useSmtpServer("");
    const failed = await postDetail(a.store, CLERK, a.po.id, sendFields());
    expect(failed.status).toBe(502);
    expect((await failed.json()).error).toBe(
      "Email is not configured: set SMTP_URL (smtp://user:password@host:port) and restart the app. PO-1001 is still approved; you can also mark it as sent without email.",
    );
    expect(await state(a.shop, a.po.id)).toMatchObject({ status: "approved", version: 1, sentAt: null, audits: [] });
  });

  it("refuses to send a draft, a stale version, a bad address or a viewer's request — without emailing", async () => {
    const draft = await seedShop("draft", "draft");
    const fromDraft = await postDetail(draft.store, CLERK, draft.po.id, sendFields());
    expect(fromDraft.status).toBe(409);
    expect(await fromDraft.json()).toEqual({ error: "A draft purchase order can't be marked as sent", code: "illegal_transition" });
    expect((await (await getDetail(draft.store, CLERK, draft.po.id)).json()).canSend).toBe(false);

    const a = await seedShop("refused");
    const stale = await postDetail(a.store, CLERK, a.po.id, sendFields({ version: "7" }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe("conflict");
    const badAddress = await postDetail(a.store, CLERK, a.po.id, sendFields({ to: "acme at example" }));
    expect(badAddress.status).toBe(400);
    expect((await badAddress.json()).error).toBe("Enter a valid email address, like orders@vendor.com");
    const viewer = await postDetail(a.store, VIEWER, a.po.id, sendFields());
    expect(viewer.status).toBe(403);
    expect((await (await getDetail(a.store, VIEWER, a.po.id)).json()).canSend).toBe(false);
    const otherShop = await seedShop("other");
    expect((await postDetail(otherShop.store, CLERK, a.po.id, sendFields())).status).toBe(404);

    expect(smtp.messages).toHaveLength(0);
    expect(await state(a.shop, a.po.id)).toMatchObject({ status: "approved", version: 1, sentTo: null, audits: [] });
  });

  it("marks as sent without email, with sentTo = manual", async () => {
    const a = await seedShop("manual");
    expect((await postDetail(a.store, CLERK, a.po.id, { intent: "send", version: "1" })).status).toBe(200);
    expect(await state(a.shop, a.po.id)).toMatchObject({ status: "sent", version: 2, sentTo: "manual" });
    const detail = await (await getDetail(a.store, CLERK, a.po.id)).json();
    expect(detail.history[0]).toMatchObject({ action: "purchase_order.sent", detail: "Without email (sent outside Stockcast)" });
    expect(detail.sendDefaults.to).toBe("orders@acme.test");
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("PO downloads", () => {
  it("serves the PDF and the CSV as attachments in any status, and 404 for another shop's PO", async () => {
    const a = await seedShop("files", "draft");
    const pdf = await download("pdf", a.store, a.po.id);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toBe('attachment; filename="PO-1001.pdf"');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const csv = await download("csv", a.store, a.po.id);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toBe('attachment; filename="PO-1001.csv"');
    expect(csvRows(await csv.text())).toEqual({ header: "sku,vendor_sku,title,quantity,unit_cost,line_total", rows: EXPECTED_CSV_ROWS });

    const b = await seedShop("files-other");
    expect((await download("pdf", b.store, a.po.id)).status).toBe(404);
    expect((await download("csv", b.store, a.po.id)).status).toBe(404);
    expect((await download("csv", a.store, "no-such-po")).status).toBe(404);
  });
});

describe("reject and cancel reasons", () => {
  it("stores the rejection reason on the PO and in the audit trail", async () => {
    const a = await seedShop("reject", "pending_approval");
    expect((await postDetail(a.store, APPROVER, a.po.id, { intent: "reject", version: "1", reason: " Wrong vendor " })).status).toBe(200);
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: a.po.id } });
    expect(po).toMatchObject({ status: "draft", rejectedReason: "Wrong vendor" });
    const detail = await (await getDetail(a.store, CLERK, a.po.id)).json();
    expect(detail.po.rejectedReason).toBe("Wrong vendor");
    expect(detail.rejection).toMatchObject({ reason: "Wrong vendor", by: "Avery Approver" });
  });

  it("stores an optional cancel reason on the PO, shown on the detail page", async () => {
    const a = await seedShop("cancel");
    expect((await postDetail(a.store, CLERK, a.po.id, { intent: "cancel", version: "1", reason: "Vendor closed for the season" })).status).toBe(200);
    const detail = await (await getDetail(a.store, CLERK, a.po.id)).json();
    expect(detail.po).toMatchObject({ status: "cancelled", cancelReason: "Vendor closed for the season" });
    expect(detail.history[0]).toMatchObject({ action: "purchase_order.cancelled", reason: "Vendor closed for the season" });

    const b = await seedShop("cancel-bare", "draft");
    expect((await postDetail(b.store, CLERK, b.po.id, { intent: "cancel", version: "1" })).status).toBe(200);
    expect((await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: b.po.id } })).cancelReason).toBeNull();
  });
});
