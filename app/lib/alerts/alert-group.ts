/** One group of the Alerts screen, as the service builds it and the table shows it: a vendor × location, or a rule, with its counts. */
export interface AlertGroup {
  key: string;
  vendorId: string | null;
  locationId: string | null;
  type: string | null;
  title: string;
  total: number;
  critical: number;
  warning: number;
  info: number;
  /** "Order now" alerts in the group: "Create draft PO" is offered when a vendor × location has some. */
  orderNow: number;
}
