import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { env } from "~/utils/env.server";

// Shopify opens the app with ?shop=…; the demo has no admin to come from.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  if (env.demoMode) throw redirect("/app");
  throw redirect("/auth/login");
}
