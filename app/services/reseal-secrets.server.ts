// `npm run secrets:reencrypt`: seals every stored secret (offline/refresh tokens, channel targets) under the
// current key. Run it once after deploying encryption (rows written before it are plaintext) and after each
// key rotation, before removing the old key from STOCKCAST_ENCRYPTION_OLD_KEYS (docs/security.md).
import { listChannelTargets, listSessionTokens, swapChannelTarget, swapSessionTokens } from "~/models/stored-secrets.server";
import { decryptSecret, encryptSecret, needsReseal, SecretDecryptionError, secretContext, type Keyring } from "~/utils/encryption";
import { appKeyring } from "~/utils/encryption.server";

const PAGE = 500;

export interface ResealSummary {
  sessions: number;
  channels: number;
  /** Rows that changed while being resealed: they were just written, so already under the current key. */
  skipped: number;
  /** Rows no key in the keyring opens (e.g. a retired key was dropped too early), as "Table id"; left as they are. */
  unreadable: string[];
}

export async function resealSecrets(ring: Keyring = appKeyring): Promise<ResealSummary> {
  const summary: ResealSummary = { sessions: 0, channels: 0, skipped: 0, unreadable: [] };
  // An empty token is stored empty (Shopify's storage writes "" for "none"), never sealed.
  const stale = (value: string | null) => !!value && needsReseal(value, ring);
  const reseal = (value: string, context: string) => (value ? encryptSecret(decryptSecret(value, context, ring), context, ring) : value);

  for (let after: string | null = null; ; ) {
    const page = await listSessionTokens(after, PAGE);
    for (const row of page) {
      if (!stale(row.accessToken) && !stale(row.refreshToken)) continue;
      const to = unlessUnreadable(summary, `Session ${row.id}`, () => ({
        accessToken: reseal(row.accessToken, secretContext.sessionAccessToken(row.id)),
        refreshToken: row.refreshToken === null ? null : reseal(row.refreshToken, secretContext.sessionRefreshToken(row.id)),
      }));
      if (!to) continue;
      if (await swapSessionTokens(row.id, row, to)) summary.sessions++;
      else summary.skipped++;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }

  for (let after: string | null = null; ; ) {
    const page = await listChannelTargets(after, PAGE);
    for (const row of page) {
      if (!stale(row.target)) continue;
      const to = unlessUnreadable(summary, `NotificationChannel ${row.id}`, () => reseal(row.target, secretContext.channelTarget(row.shop)));
      if (to === null) continue;
      if (await swapChannelTarget(row.shop, row.id, row.target, to)) summary.channels++;
      else summary.skipped++;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
  return summary;
}

/** `fn()`, or null with `row` noted as unreadable when no key opens its value. */
function unlessUnreadable<T>(summary: ResealSummary, row: string, fn: () => T): T | null {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    summary.unreadable.push(row);
    return null;
  }
}
