// How large a request body each kind of route accepts. scripts/serve.ts refuses a larger one with 413
// before anything reads or parses it (body-limit.server.ts). A body that is never read cannot cost memory
// or time.

/** Largest CSV accepted by Settings → Import. */
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/** Most data rows one imported file may have (a longer file fails, nothing written). */
export const MAX_IMPORT_ROWS = 1_000_000;

const KIB = 1024;
const MIB = 1024 * KIB;

export interface BodyLimit {
  bytes: number;
  /** What the route takes, for the 413 message. */
  what: string;
}

/** The body limit of a request to `path` (URL path, no query) with this Content-Type. */
export function bodyLimitFor(path: string, contentType: string | undefined): BodyLimit {
  if (path.startsWith("/webhooks/")) return { bytes: 5 * MIB, what: "a webhook" };
  if (path === "/auth" || path.startsWith("/auth/")) return { bytes: 64 * KIB, what: "a sign-in request" };
  // Settings → Import is the one form that carries a file: the CSV plus its form fields and boundaries.
  if (path === "/app/settings/import" && contentType?.toLowerCase().startsWith("multipart/form-data")) return { bytes: MAX_UPLOAD_BYTES + 64 * KIB, what: `a CSV upload (up to ${MAX_UPLOAD_MB} MB)` };
  return { bytes: 1 * MIB, what: "a form" };
}
