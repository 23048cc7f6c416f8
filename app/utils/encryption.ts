// Secrets at rest (offline/refresh tokens, Slack webhook URLs): AES-256-GCM with a key from the environment.
// Stored form: "enc1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>". The key id (first 8 hex digits of the
// key's SHA-256) says which key sealed a value, so old keys can still open values after a rotation.
// A value without the prefix is a row written before encryption: it is read as it is (see docs/security.md).
import crypto from "node:crypto";

const PREFIX = "enc1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Keyring {
  /** Seals every new value. */
  currentId: string;
  /** Every key that may open a value, by id (the current one included). */
  keys: ReadonlyMap<string, Buffer>;
}

/** A value that could not be opened: unknown key id, wrong key, or tampered with. Never carries the value. */
export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** Decodes a base64 key and checks it is 32 bytes; `label` names it in the error. */
export function decodeKey(base64: string, label: string): Buffer {
  // Standard base64 of 32 bytes is exactly 43 characters and one "=": anything else is a paste error.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(base64.trim()))
    throw new RangeError(`${label} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
  return Buffer.from(base64.trim(), "base64");
}

/** The keyring from the current key and the retired keys still accepted for reading. */
export function keyringFrom(current: Buffer, retired: readonly Buffer[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  for (const key of retired) keys.set(keyId(key), key);
  const currentId = keyId(current);
  keys.set(currentId, current);
  return { currentId, keys };
}

/**
 * Seals `plain` under the current key. `context` (e.g. "Session.accessToken:offline_x.myshopify.com") is
 * authenticated but not stored: a value copied into another row or field no longer opens.
 */
export function encryptSecret(plain: string, context: string, ring: Keyring): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", ring.keys.get(ring.currentId)!, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}:${ring.currentId}:${body.toString("base64url")}`;
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

/** The id of the key that sealed `stored`, or null for a plaintext (pre-encryption) value. */
export function sealedWith(stored: string): string | null {
  return isEncrypted(stored) ? stored.split(":")[1] : null;
}

/** True when `stored` is plaintext or sealed by a key other than the current one. */
export function needsReseal(stored: string, ring: Keyring): boolean {
  return sealedWith(stored) !== ring.currentId;
}

/** Opens a sealed value; a plaintext value (written before encryption) comes back unchanged. */
export function decryptSecret(stored: string, context: string, ring: Keyring): string {
  if (!isEncrypted(stored)) return stored;
  const [, id, data] = stored.split(":");
  const key = ring.keys.get(id);
  if (!key) throw new SecretDecryptionError(`secret sealed with unknown key ${id}: add that key to STOCKCAST_ENCRYPTION_OLD_KEYS`);
  const body = Buffer.from(data ?? "", "base64url");
  if (body.length < IV_BYTES + TAG_BYTES) throw new SecretDecryptionError(`secret sealed with key ${id} is truncated`);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, body.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(`secret sealed with key ${id} failed authentication (wrong key, wrong row or tampered)`);
  }
}

/** The authenticated contexts of every encrypted column, defined once. */
export const secretContext = {
  sessionAccessToken: (sessionId: string) => `Session.accessToken:${sessionId}`,
  sessionRefreshToken: (sessionId: string) => `Session.refreshToken:${sessionId}`,
  channelTarget: (shop: string) => `NotificationChannel.target:${shop}`,
};
