import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeKey, decryptSecret, encryptSecret, keyId, keyringFrom, needsReseal, SecretDecryptionError, sealedWith } from "./encryption";

const oldKey = crypto.randomBytes(32);
const newKey = crypto.randomBytes(32);
const TOKEN = "shpat_0123456789abcdef0123456789abcdef";
const CTX = "Session.accessToken:offline_a.myshopify.com";

describe("secrets at rest (AES-256-GCM)", () => {
  it("seals under the current key with its id as prefix, and opens again", () => {
    const ring = keyringFrom(newKey);
    const sealed = encryptSecret(TOKEN, CTX, ring);
    expect(sealed).toMatch(new RegExp(`^enc1:${keyId(newKey)}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain(TOKEN);
    expect(encryptSecret(TOKEN, CTX, ring)).not.toBe(sealed); // a fresh IV every time
    expect(decryptSecret(sealed, CTX, ring)).toBe(TOKEN);
  });

  it("reads a plaintext value written before encryption as it is, and flags it for resealing", () => {
    const ring = keyringFrom(newKey);
    expect(decryptSecret(TOKEN, CTX, ring)).toBe(TOKEN);
    expect(needsReseal(TOKEN, ring)).toBe(true);
    expect(needsReseal(encryptSecret(TOKEN, CTX, ring), ring)).toBe(false);
  });

  it("after a rotation opens values of the retired key, and seals new ones with the new key", () => {
    const before = encryptSecret(TOKEN, CTX, keyringFrom(oldKey));
    const rotated = keyringFrom(newKey, [oldKey]);
    expect(decryptSecret(before, CTX, rotated)).toBe(TOKEN);
    expect(needsReseal(before, rotated)).toBe(true);
    expect(sealedWith(encryptSecret(TOKEN, CTX, rotated))).toBe(keyId(newKey));
    expect(() => decryptSecret(before, CTX, keyringFrom(newKey))).toThrow(new SecretDecryptionError(`secret sealed with unknown key ${keyId(oldKey)}: add that key to STOCKCAST_ENCRYPTION_OLD_KEYS`));
  });

  it("refuses a value moved to another row, or tampered with, without echoing it", () => {
    const ring = keyringFrom(newKey);
    const sealed = encryptSecret(TOKEN, CTX, ring);
    const message = `secret sealed with key ${keyId(newKey)} failed authentication (wrong key, wrong row or tampered)`;
    expect(() => decryptSecret(sealed, "Session.accessToken:offline_b.myshopify.com", ring)).toThrow(message);
    const body = Buffer.from(sealed.split(":")[2], "base64url");
    body[body.length - 1] ^= 1;
    expect(() => decryptSecret(`enc1:${keyId(newKey)}:${body.toString("base64url")}`, CTX, ring)).toThrow(message);
    expect(() => decryptSecret(`enc1:${keyId(newKey)}:AAAA`, CTX, ring)).toThrow(`secret sealed with key ${keyId(newKey)} is truncated`);
  });

  it("accepts only standard base64 of exactly 32 bytes as a key", () => {
    expect(decodeKey(newKey.toString("base64"), "K")).toEqual(newKey);
    const message = "K must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)";
    for (const bad of ["", "c2hvcnQ=", crypto.randomBytes(33).toString("base64"), newKey.toString("base64url"), newKey.toString("hex")])
      expect(() => decodeKey(bad, "K")).toThrow(new RangeError(message));
  });
});
