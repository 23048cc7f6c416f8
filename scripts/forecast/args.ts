/**
 * Argument parsing for scripts/forecast.ts (validated with zod).
 */
import { z } from "zod";

// The product's defaults only: the experimental --calibrate, --ensemble and --method went away, because the
// CLI is judged on what the planner ships (app/lib/planning forecastDemand).
const Options = z
  .object({
    input: z.string().optional(),
    horizon: z.coerce.number().int().positive().default(28),
    out: z.string().optional(),
    freq: z.enum(["day", "week"]).optional(),
    holdout: z.coerce.number().int().nonnegative().default(0),
    stockouts: z.string().optional(),
    synthetic: z.coerce.number().int().positive().optional(),
    days: z.coerce.number().int().positive().default(730),
    "no-closed": z.boolean().default(false),
    levels: z.string().optional(),
  })
  .strict();
const Args = Options.refine((a) => a.input || a.synthetic, { message: "--input <history.csv> (or --synthetic N) is required" });

export type CliArgs = z.infer<typeof Args>;

/** One `--levels` entry: the probability, and its spelling for the `q<label>_total` column. */
export interface TotalLevel {
  label: string;
  p: number;
}

/**
 * `--levels 0.8,0.9,0.995` → one quantile of the horizon total per level, its column spelled as given
 * (`q0.9_total`). Each level is a decimal strictly between 0 and 1, none twice.
 */
export function parseLevels(spec: string): TotalLevel[] {
  const levels = spec.split(",").map((raw) => raw.trim());
  const out: TotalLevel[] = [];
  for (const label of levels) {
    const p = Number(label);
    if (!/^0?\.\d+$/.test(label) || !(p > 0 && p < 1)) throw new Error(`--levels: "${label}" is not a level between 0 and 1 (e.g. 0.9)`);
    if (out.some((l) => l.p === p)) throw new Error(`--levels: ${label} is given twice`);
    out.push({ label, p });
  }
  return out;
}

/** Parses `--key value` / `--flag` pairs. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument "${a}"`);
    const key = a.slice(2);
    if (!(key in Options.shape)) throw new Error(`unknown option ${a}`);
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
