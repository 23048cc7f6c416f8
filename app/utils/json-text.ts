/**
 * A JSON column's value already serialised (by a plan worker thread, off the main thread): raw inserts write
 * the text as is instead of calling JSON.stringify.
 */
export interface JsonText {
  $json: string;
}

export const isJsonText = (value: unknown): value is JsonText =>
  typeof value === "object" && value !== null && typeof (value as { $json?: unknown }).$json === "string";
