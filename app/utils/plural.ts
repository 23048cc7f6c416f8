// Counted nouns on merchant screens and emails: "1 unit", "2 units", "1,234 rows" (never "1 units").

/**
 * The count (en-US grouping) and the noun, singular when the count is exactly 1.
 * The plural is the noun plus "s" unless given: plural(1, "unit") → "1 unit"; plural(3, "box", "boxes") → "3 boxes".
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : pluralForm}`;
}
