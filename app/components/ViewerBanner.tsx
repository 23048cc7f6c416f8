import { Banner } from "@shopify/polaris";

/** Shown to viewers on screens with actions; the server refuses their changes either way. */
export function ViewerBanner({ canChange }: { canChange: boolean }) {
  if (canChange) return null;
  return (
    <Banner tone="info" title="You can look but not change anything">
      <p>Your Stockcast role is viewer. Ask the shop owner for a role to make changes.</p>
    </Banner>
  );
}
