// Money arithmetic for purchase orders in integer minor units (cents), never floats. Amounts arrive as
// Decimal strings from the database ("12.5", "3.14159") and leave as Decimal strings ("1234.50").

const SCALE = 4; // unit costs keep up to 4 decimals before rounding to cents
const SCALE_FACTOR = 10n ** BigInt(SCALE);

/** "12.3456" → 123456n (ten-thousandths). Throws RangeError on anything that isn't a plain decimal. */
export function toTenThousandths(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`amount must be a decimal string, got "${amount}"`);
  const [, sign, whole, fraction = ""] = match;
  const kept = fraction.slice(0, SCALE).padEnd(SCALE, "0");
  let value = BigInt(whole) * SCALE_FACTOR + BigInt(kept);
  // round half up on the first dropped digit
  if (fraction.length > SCALE && Number(fraction[SCALE]) >= 5) value += 1n;
  return sign === "-" ? -value : value;
}

/** Rounds ten-thousandths to cents, half away from zero. */
function toCents(tenThousandths: bigint): bigint {
  const negative = tenThousandths < 0n;
  const abs = negative ? -tenThousandths : tenThousandths;
  const cents = (abs + 50n) / 100n;
  return negative ? -cents : cents;
}

/** quantity × unit cost, rounded to cents. */
export function lineTotalCents(quantity: number, unitCost: string): bigint {
  if (!Number.isInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
  return toCents(BigInt(quantity) * toTenThousandths(unitCost));
}

/** 123450n → "1234.50". */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/** A unit cost as a display string with at least two decimals: "12.5" → "12.50", "3.14159" → "3.1416". */
export function normaliseUnitCost(unitCost: string): string {
  const v = toTenThousandths(unitCost);
  const negative = v < 0n;
  const abs = negative ? -v : v;
  let fraction = (abs % SCALE_FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  fraction = fraction.padEnd(2, "0");
  return `${negative ? "-" : ""}${abs / SCALE_FACTOR}.${fraction}`;
}

/** Sum of line totals as a Decimal string in the currency's major unit. */
export function sumLines(lines: readonly { quantity: number; unitCost: string }[]): string {
  return centsToDecimal(lines.reduce((sum, l) => sum + lineTotalCents(l.quantity, l.unitCost), 0n));
}
