import { useRevalidator } from "@remix-run/react";
import { Banner } from "@shopify/polaris";
import type { ReactNode } from "react";

/** Someone saved the same record first (a version conflict): says so, with a Reload that fetches their change. */
export function ConflictBanner({ title, message }: { title: string; message: ReactNode }) {
  const revalidator = useRevalidator();
  return (
    <Banner tone="warning" title={title} action={{ content: "Reload", onAction: () => revalidator.revalidate() }}>
      <p>{message}</p>
    </Banner>
  );
}
