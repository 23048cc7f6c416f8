import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor } from "./body-limit";

/**
 * Bytes of a refused body discarded (never buffered) while the client finishes sending, so that it reads
 * our answer instead of a broken pipe; past this the connection is cut. Declared bodies up to 32 MB (a
 * few ms on any link that delivers them), undeclared ones up to 1 MB.
 */
const DRAIN_DECLARED_BYTES = 32 * 1024 * 1024;
const DRAIN_CHUNKED_BYTES = 1024 * 1024;

function refuse(req: IncomingMessage, res: ServerResponse, status: 411 | 413, message: string, drainBytes: number): void {
  // No "Connection: close": Node would shut the socket while the client is still sending, and the client
  // would see a broken pipe instead of this answer. The body is discarded below instead.
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${message}\n`);
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > drainBytes) req.destroy();
  });
  req.resume();
}

/**
 * Express-style middleware: a request body over its route's limit (bodyLimitFor) gets 413 before anything
 * reads or parses it. Node's parser never delivers more than the declared Content-Length, so the declared
 * length is the whole check; a body without one (Transfer-Encoding: chunked) gets 411, because its size is
 * only known once it has been read. Browsers, Remix forms and Shopify's webhooks all declare it.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const chunked = req.headers["transfer-encoding"] !== undefined;
  const length = req.headers["content-length"];
  if (!chunked && (length === undefined || length === "0")) return next(); // no body
  const path = (req.url ?? "/").split("?")[0];
  const { bytes, what } = bodyLimitFor(path, req.headers["content-type"]);
  if (chunked) return refuse(req, res, 411, `Length required: send ${what} with a Content-Length header.`, DRAIN_CHUNKED_BYTES);
  if (Number(length) > bytes) return refuse(req, res, 413, `Request body too large: ${what} may be at most ${Math.round(bytes / 1024)} KB.`, DRAIN_DECLARED_BYTES);
  next();
}
