// What an import is asked to do (Settings › Import form → queue → job): the kind of file, its name, and
// for an inventory export the local date it was taken.
import { z } from "zod";

export const importRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("shopify-orders"), fileName: z.string().min(1) }),
  z.object({ kind: z.literal("demand"), fileName: z.string().min(1) }),
  z.object({ kind: z.literal("stocky-suppliers"), fileName: z.string().min(1) }),
  z.object({ kind: z.literal("stocky-purchase-orders"), fileName: z.string().min(1) }),
  z.object({
    kind: z.literal("shopify-inventory"),
    fileName: z.string().min(1),
    /** The local date the export was taken: its quantities become that day's end-of-day snapshot. */
    snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "snapshotDate must be YYYY-MM-DD"),
  }),
]);
export type ImportRequest = z.infer<typeof importRequest>;
