// `npm run secrets:reencrypt`: seals every stored token and channel target under STOCKCAST_ENCRYPTION_KEY
// (plaintext rows from before encryption, and rows sealed by a key in STOCKCAST_ENCRYPTION_OLD_KEYS).
// Safe while the app runs, and to run twice. See docs/security.md, "Rotating the key".
import { resealSecrets } from "../app/services/reseal-secrets.server";
import { appKeyring } from "../app/utils/encryption.server";

const summary = await resealSecrets();
console.log(`[secrets] current key ${appKeyring.currentId}: resealed ${summary.sessions} session(s), ${summary.channels} channel target(s); ${summary.skipped} changed meanwhile (already current)`);
if (summary.unreadable.length) {
  console.error(`[secrets] ${summary.unreadable.length} row(s) no configured key opens (left as they are):\n  ${summary.unreadable.join("\n  ")}`);
  process.exit(1);
}
process.exit(0);
