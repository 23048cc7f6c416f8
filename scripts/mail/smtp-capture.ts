// A real SMTP server that accepts every message and keeps it: the demo's "outbox" and the tests' mail
// peer. Messages are parsed (mailparser) and, when `dir` is given, written there as .eml files.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  file?: string;
}

export interface SmtpCapture {
  url: string;
  port: number;
  messages: CapturedMail[];
  /** Makes the next `count` messages fail with a transient SMTP error (retry tests). */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** Starts the capture on 127.0.0.1 (port 0 = any free port). */
export async function startSmtpCapture(options: { port?: number; dir?: string } = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  let failures = 0;
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures > 0) {
          failures -= 1;
          const error = Object.assign(new Error("Temporary failure, try again later"), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            let file: string | undefined;
            if (options.dir) {
              file = path.join(options.dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${messages.length + 1}.eml`);
              writeFileSync(file, raw);
            }
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content })),
              file,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
