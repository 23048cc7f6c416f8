// Client-side checks of the "Send to vendor" form (the server validates again with zod).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SendFormErrors {
  to?: string;
  attachments?: string;
}

/** Merchant-readable problems with the form, or {} when it can be sent. */
export function sendFormErrors(values: { to: string; attachPdf: boolean; attachCsv: boolean }): SendFormErrors {
  const to = values.to.trim();
  const errors: SendFormErrors = {};
  if (!to) errors.to = "Enter the vendor's email address";
  else if (to.length > 254 || !EMAIL.test(to)) errors.to = "Enter a valid email address, like orders@vendor.com";
  if (!values.attachPdf && !values.attachCsv) errors.attachments = "Attach the PDF, the CSV or both";
  return errors;
}
