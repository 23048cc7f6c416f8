/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' (OWASP "CSV injection").
 * Every CSV the app writes goes through here; numbers pass `{ text: false }` so "-3" stays a number.
 */
export function csvField(value: string | number | null, { text = true }: { text?: boolean } = {}): string {
  let s = value === null ? "" : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
