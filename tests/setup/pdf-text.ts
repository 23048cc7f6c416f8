// The text a pdfkit PDF shows, for assertions: inflates each content stream and joins the hex strings of
// its TJ operators (pdfkit writes standard-font text as WinAnsi hex, split for kerning). One string per line shown.
import { inflateSync } from "node:zlib";

export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  const streamStart = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamStart.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, end), "latin1")).toString("latin1");
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("");
      out.push(Buffer.from(hex, "hex").toString("latin1"));
    }
  }
  return out;
}
