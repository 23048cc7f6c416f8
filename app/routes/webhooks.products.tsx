// A webhook route: its subscription is in shopify.app.toml, its topics in app/shopify/webhook-topics.ts.
export { webhookAction as action } from "~/jobs/webhook-action.server";
