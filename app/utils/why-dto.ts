// The why of one replenishment line (app/services/order-why.server.ts), shared by the service and the
// WhyPanel component (components can't import .server modules).
import type { OrderArithmetic } from "~/lib/replenishment";

export interface WhyDto {
  /** The plan's plain sentence, then what the stock covers. */
  sentence: string;
  /** Whole units that add up: lead-time demand + safety stock = reorder point, … */
  sums: OrderArithmetic;
  /** False on lines planned before the arithmetic was stored: the sums hold, the rounding steps are unknown. */
  stepsKnown: boolean;
  stock: { available: number; onHand: number; onOrder: number };
  /** Days, the plan's blended lead time. */
  leadTimeDays: number;
  serviceLevel: number;
  /** The merchant's quantity when they changed the suggestion, else null. */
  editedQty: number | null;
  /** The forecast method in plain words; the code and its cross-validated RMSSE for the details disclosure. */
  method: { words: string; code: string; rmsse: number | null } | null;
}
