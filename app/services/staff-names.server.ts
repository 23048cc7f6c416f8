// Actor names for histories and "by …" lines: one read of the shop's StaffRole rows per screen.
import { listStaffRoles } from "~/models/staff.server";
import { staffNamer } from "~/utils/staff-names";

export async function staffNamerFor(shop: string): Promise<(actor: string) => string> {
  return staffNamer(await listStaffRoles(shop));
}
