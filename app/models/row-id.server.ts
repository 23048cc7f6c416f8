import crypto from "node:crypto";

let counter = 0;

/**
 * A collision-resistant id shaped like Prisma's cuid() (25 chars, "c" + time first), for rows written by
 * raw multi-row INSERTs (which skip Prisma's @default(cuid())). Ids sort in creation order within a process.
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 6;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(6, "0")}${crypto.randomBytes(8).toString("hex").slice(0, 10)}`;
}
