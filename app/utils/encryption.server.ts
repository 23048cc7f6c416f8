// The app's keyring, from the environment (STOCKCAST_ENCRYPTION_KEY + STOCKCAST_ENCRYPTION_OLD_KEYS).
import { decodeKey, keyringFrom, type Keyring } from "./encryption";
import { env } from "./env.server";

export const appKeyring: Keyring = keyringFrom(
  decodeKey(env.encryptionKey, "STOCKCAST_ENCRYPTION_KEY"),
  env.STOCKCAST_ENCRYPTION_OLD_KEYS.map((k) => decodeKey(k, "STOCKCAST_ENCRYPTION_OLD_KEYS")),
);
