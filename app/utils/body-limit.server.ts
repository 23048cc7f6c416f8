import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor } from "./body-limit";

function refuse(res: ServerResponse, what: string, bytes: number): void {
  if (res.headersSent) return;
  // Closing the connection tells Node not to read the rest of the body to reuse the socket.
  res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
  res.end(`Request body too large: ${what} may be at most ${Math.round(bytes / 1024)} KB.\n`);
}

/**
 * Express-style middleware: 413 for a body over its route's limit (bodyLimitFor), before anything parses
 * it. A declared Content-Length is checked at once; an undeclared (chunked) body is counted as it streams
 * and the request is cut off at the limit. Must run right before the handler that reads the body, in the
 * same tick, so both see every chunk.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const path = (req.url ?? "/").split("?")[0];
  const { bytes, what } = bodyLimitFor(path, req.headers["content-type"]);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > bytes) {
    refuse(res, what, bytes);
    req.resume(); // drained into nothing until the socket closes; never buffered
    return;
  }
  let seen = 0;
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= bytes) return;
    req.off("data", count);
    refuse(res, what, bytes);
    req.destroy();
  };
  req.on("data", count);
  next();
}
