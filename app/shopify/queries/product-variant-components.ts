import { operation } from "./define";

export interface ProductVariantComponentsData {
  product: {
    id: string;
    variants: {
      nodes: {
        id: string;
        productVariantComponents: { nodes: { id: string; quantity: number; productVariant: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
      }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

export interface ProductVariantComponentsVariables {
  id: string;
  after?: string | null;
}

/**
 * One product's variants with their bundle components (products/* webhooks do not carry them). Ten variants
 * a page keeps the query's cost under 1,000 points with 30 components each (Shopify's most per bundle).
 */
export const PRODUCT_VARIANT_COMPONENTS = operation<ProductVariantComponentsData, ProductVariantComponentsVariables>(`
query ProductVariantComponents($id: ID!, $after: String) {
  product(id: $id) {
    id
    variants(first: 10, after: $after) {
      nodes {
        id
        productVariantComponents(first: 30) {
          nodes {
            id
            quantity
            productVariant {
              id
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}`);
