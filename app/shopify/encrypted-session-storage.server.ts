import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { decryptSecret, encryptSecret, SecretDecryptionError, secretContext, type Keyring } from "~/utils/encryption";
import { logger } from "~/utils/logger.server";

/**
 * Seals the offline access token and the refresh token before Shopify's Prisma storage writes them, and
 * opens them on load (docs/security.md). A row written before encryption still loads (plaintext passes
 * through) and is sealed the next time Shopify stores the session. A row no key opens (key lost, row
 * tampered with) loads as no session, logged: Shopify's token exchange then stores a fresh one.
 */
export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly ring: Keyring,
  ) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(this.transform(session, encryptSecret));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    return session && this.open(session);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).flatMap((s) => this.open(s) ?? []);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  private open(session: Session): Session | undefined {
    try {
      return this.transform(session, decryptSecret);
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      logger.error({ kind: "session-storage", shop: session.shop, outcome: "unreadable", error: error.message });
      return undefined;
    }
  }

  /** A copy with both tokens passed through `fn` (the caller's Session is never mutated). */
  private transform(session: Session, fn: (value: string, context: string, ring: Keyring) => string): Session {
    const params = session.toObject();
    if (params.accessToken) params.accessToken = fn(params.accessToken, secretContext.sessionAccessToken(session.id), this.ring);
    if (params.refreshToken) params.refreshToken = fn(params.refreshToken, secretContext.sessionRefreshToken(session.id), this.ring);
    return new Session(params);
  }
}
