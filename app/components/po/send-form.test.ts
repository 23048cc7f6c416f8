import { describe, expect, it } from "vitest";
import { sendFormErrors } from "./send-form";

describe("send form checks", () => {
  it("accepts an address with at least one attachment", () => {
    expect(sendFormErrors({ to: " orders@acme.test ", attachPdf: true, attachCsv: false })).toEqual({});
  });

  it("asks for an address, a valid one, and an attachment", () => {
    expect(sendFormErrors({ to: "  ", attachPdf: false, attachCsv: false })).toEqual({
      to: "Enter the vendor's email address",
      attachments: "Attach the PDF, the CSV or both",
    });
    expect(sendFormErrors({ to: "acme at example", attachPdf: true, attachCsv: true })).toEqual({ to: "Enter a valid email address, like orders@vendor.com" });
    expect(sendFormErrors({ to: `${"a".repeat(250)}@x.io`, attachPdf: true, attachCsv: true }).to).toBe("Enter a valid email address, like orders@vendor.com");
  });
});
