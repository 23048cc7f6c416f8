/**
 * Argument parsing for scripts/forecast.ts (validated with zod).
 */
import { z } from "zod";

const Args = z
  .object({
    input: z.string().optional(),
    horizon: z.coerce.number().int().positive().default(28),
    out: z.string().optional(),
    freq: z.enum(["day", "week"]).optional(),
    holdout: z.coerce.number().int().nonnegative().default(0),
    stockouts: z.string().optional(),
    synthetic: z.coerce.number().int().positive().optional(),
    days: z.coerce.number().int().positive().default(730),
    ensemble: z.coerce.number().int().positive().default(1),
    method: z.string().default("stockcast"),
    "no-closed": z.boolean().default(false),
    calibrate: z.boolean().default(false),
  })
  .refine((a) => a.input || a.synthetic, { message: "--input <history.csv> (or --synthetic N) is required" });

export type CliArgs = z.infer<typeof Args>;

/** Parses `--key value` / `--flag` pairs. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument "${a}"`);
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) raw[key] = true;
    else {
      raw[key] = next;
      i++;
    }
  }
  const r = Args.safeParse(raw);
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join(".") || "args"}: ${i.message}`).join("; "));
  return r.data;
}
