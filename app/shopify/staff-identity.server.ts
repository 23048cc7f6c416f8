// Who a staff member is, according to Shopify. The app runs on offline tokens, whose session carries no
// user, and Shopify's staff API needs `read_users`, which only some plans grant. An online token obtained by
// token exchange carries `associated_user`: id, names, email, `account_owner` and `collaborator`. Stockcast
// asks for one only where it matters (managing staff roles) and keeps nothing of the token but the answer.
import { HttpResponseError, InvalidJwtError } from "@shopify/shopify-api";
import { z } from "zod";
import { associatedUser } from "~/shopify.server";
import { logger } from "~/utils/logger.server";
import { STAFF_MEMBER } from "~/utils/staff-names";

export interface ShopifyStaffIdentity {
  /** The staff member's user id: the session token's `sub`. */
  staffId: string;
  name: string;
  email: string | null;
  /** The store's account owner (one per store). */
  accountOwner: boolean;
  /** A collaborator account (an agency or developer), never the owner. */
  collaborator: boolean;
}

export type StaffIdentityResult = { ok: true; identity: ShopifyStaffIdentity } | { ok: false; reason: string };

/** The part of Shopify's `associated_user` Stockcast relies on. */
const associatedUserSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string().nullish(),
  account_owner: z.boolean(),
  collaborator: z.boolean().nullish(),
});

/** "First Last", else the email, else "Staff member" (never an id); at most 80 characters, as the Staff roles form allows. */
function displayName(user: z.infer<typeof associatedUserSchema>): string {
  const name = [user.first_name, user.last_name].filter((p) => p?.trim()).map((p) => p!.trim()).join(" ");
  return (name || user.email?.trim() || STAFF_MEMBER).slice(0, 80);
}

/** The raw session token of an admin request: `Authorization: Bearer …`, or `id_token` on a document load. */
export function sessionTokenOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim() || null;
  return new URL(request.url).searchParams.get("id_token");
}

/**
 * Asks Shopify who the staff member behind `sessionToken` is (token exchange for an online access token).
 * Never throws: a refused or failed exchange, or an answer without a user, is `{ ok: false, reason }`.
 */
export async function identifyStaff(shop: string, sessionToken: string | null): Promise<StaffIdentityResult> {
  if (!sessionToken) return { ok: false, reason: "this request carries no Shopify session token" };
  try {
    const parsed = associatedUserSchema.safeParse(await associatedUser(shop, sessionToken));
    if (!parsed.success) return { ok: false, reason: "Shopify's answer named no staff member" };
    const user = parsed.data;
    return {
      ok: true,
      identity: {
        staffId: String(user.id),
        name: displayName(user),
        email: user.email?.trim() || null,
        accountOwner: user.account_owner,
        collaborator: user.collaborator ?? false,
      },
    };
  } catch (error) {
    logger.warn({ kind: "staff-identity", shop, outcome: "failed", error: error instanceof Error ? error.message : String(error) });
    if (error instanceof InvalidJwtError) return { ok: false, reason: "your Shopify session token is not valid" };
    if (error instanceof HttpResponseError && error.response.code < 500) return { ok: false, reason: "Shopify refused to say who you are" };
    return { ok: false, reason: "Shopify did not answer" };
  }
}
