import { bulkQuery } from "./define";

/** JSONL line: one location (root). */
export interface BulkLocationLine {
  id: string;
  name: string;
  isActive: boolean;
  isPrimary: boolean;
  updatedAt: string;
}

/** Every location, inactive ones included (history may point at them). */
export const BULK_LOCATIONS = bulkQuery(`
query BulkLocations {
  locations(includeInactive: true) {
    edges {
      node {
        id
        name
        isActive
        isPrimary
        updatedAt
      }
    }
  }
}`);
