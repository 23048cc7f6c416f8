import type { ReactNode } from "react";
import { useLocation } from "@remix-run/react";
import { Banner, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { NAV_ITEMS } from "./nav-items";

/** Chrome for demo mode: a banner nobody can miss, the shop's name, and the navigation App Bridge would give. */
export function DemoFrame({ shopName, children }: { shopName: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const isActive = (url: string) => (url === "/app" ? pathname === "/app" : pathname.startsWith(url));
  return (
    <div>
      <Banner tone="warning" title={`Demo mode — ${shopName}`}>
        <p>
          You are looking at a seeded demo shop on this machine. Shopify sign-in is bypassed and nothing is sent to
          Shopify. Never expose this server to the internet.
        </p>
      </Banner>
      <Box paddingInline="400" paddingBlock="200" background="bg-surface" borderBlockEndWidth="025" borderColor="border">
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" variant="headingSm">
            Stockcast
          </Text>
          <nav aria-label="Stockcast">
            <InlineStack gap="100">
              {NAV_ITEMS.map((item) => (
                <Button key={item.url} url={item.url} variant={isActive(item.url) ? "secondary" : "tertiary"} pressed={isActive(item.url)}>
                  {item.label}
                </Button>
              ))}
            </InlineStack>
          </nav>
        </InlineStack>
      </Box>
      {children}
    </div>
  );
}
