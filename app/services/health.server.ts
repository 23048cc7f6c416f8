import { pingDatabase } from "~/models/shop.server";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "unreachable";
  version: string;
}

/** Checks the database with a bounded wait so a hung connection can't hang the probe. */
export async function checkHealth(version: string, timeoutMs = 2000): Promise<Health> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref());
  try {
    await Promise.race([pingDatabase(), timeout]);
    return { status: "ok", db: "ok", version };
  } catch {
    return { status: "degraded", db: "unreachable", version };
  }
}
