/** The app's navigation (Shopify NavMenu when embedded, DemoFrame tabs in demo mode). Paths are stable. */
export const NAV_ITEMS = [
  { url: "/app", label: "Overview" },
  { url: "/app/replenishment", label: "Replenishment" },
  { url: "/app/forecasts", label: "Forecasts" },
  { url: "/app/purchase-orders", label: "Purchase orders" },
  { url: "/app/vendors", label: "Vendors" },
  { url: "/app/alerts", label: "Alerts" },
  { url: "/app/settings", label: "Settings" },
] as const;
