// Who did something, in words: a staff member's name, else their email, else "Staff member" — never a
// Shopify gid or user id. Actors are stored as staff ids (session token `sub`, or the gid form older rows
// and the demo seed hold) or as one of Stockcast's own actors.

export const STAFF_MEMBER = "Staff member";

const SYSTEM_ACTORS: Record<string, string> = { system: "Stockcast", shopify: "Shopify" };

/** "gid://shopify/StaffMember/42" → "42": the number the merchant sees in the staff URL. */
export const staffNumber = (staffId: string) => staffId.replace(/^gid:\/\/shopify\/(StaffMember|User)\//, "");

export interface NamedStaff {
  staffId: string;
  name: string;
  email: string | null;
}

/** A lookup from stored actor to a readable name, over the shop's StaffRole rows. */
export function staffNamer(staff: readonly NamedStaff[]): (actor: string) => string {
  const byNumber = new Map(staff.map((s) => [staffNumber(s.staffId), s.name.trim() || s.email?.trim() || STAFF_MEMBER]));
  return (actor) => byNumber.get(staffNumber(actor)) ?? SYSTEM_ACTORS[actor] ?? STAFF_MEMBER;
}
