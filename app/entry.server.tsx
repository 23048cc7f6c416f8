import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getJobQueue } from "./jobs/index.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { addSecurityHeaders } from "./utils/security-headers";

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Sets the CSP frame-ancestors that let the Shopify admin embed us.
  addDocumentResponseHeaders(request, responseHeaders);
  addSecurityHeaders(responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

// Re-exported for scripts/serve.ts so request log lines share the app's logger and request context.
export { logRequest, withRequestContext } from "./utils/logger.server";
// For scripts/serve.ts: on SQLite the app process is its own worker, started at boot so sweeps
// (snapshots, notifications, digests) run before anyone opens a page.
export { getJobQueue };
// `remix vite:dev` has no scripts/serve.ts: the dev server starts the queue here, when it first loads this
// entry. The one place besides serve.ts; no loader or action starts it.
if (import.meta.env.DEV) getJobQueue();
