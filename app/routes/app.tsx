import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { requireAdmin } from "~/auth.server";
import { DemoFrame } from "~/components/DemoFrame";
import { NAV_ITEMS } from "~/components/nav-items";
import { findShop } from "~/models/shop.server";
import { env } from "~/utils/env.server";
import { ShopTimeZone } from "~/components/shop-time";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const shop = await findShop(ctx.shop);
  return json({
    apiKey: env.SHOPIFY_API_KEY ?? "",
    demo: ctx.mode === "demo",
    shopName: shop?.name ?? ctx.shop,
    timeZone: shop?.ianaTimezone ?? "UTC",
  });
}

export default function AppLayout() {
  const { apiKey, demo, shopName, timeZone } = useLoaderData<typeof loader>();
  if (demo) {
    // Outside the admin iframe: plain Polaris, no App Bridge, our own navigation and a loud banner.
    return (
      <AppProvider isEmbeddedApp={false} apiKey={apiKey}>
        <DemoFrame shopName={shopName}>
          <ShopTimeZone.Provider value={timeZone}>
            <Outlet />
          </ShopTimeZone.Provider>
        </DemoFrame>
      </AppProvider>
    );
  }
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey}>
      <NavMenu>
        {NAV_ITEMS.map((item) => (
          <Link key={item.url} to={item.url} rel={item.url === "/app" ? "home" : undefined}>
            {item.label}
          </Link>
        ))}
      </NavMenu>
      <ShopTimeZone.Provider value={timeZone}>
        <Outlet />
      </ShopTimeZone.Provider>
    </AppProvider>
  );
}

// Shopify's auth helpers throw Responses (redirects, 401 + retry header); these pass them through.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
