import { describe, expect, it } from "vitest";
import { batchGroups, BulkJsonlError, groupJsonl, readJsonl, type JsonlGroup } from "./jsonl";

async function* bytes(text: string, size: number) {
  const all = new TextEncoder().encode(text);
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const FILE = [
  '{"id":"gid://shopify/Order/1","name":"#1001 — café","refunds":[{"id":"gid://shopify/Refund/9"}]}',
  '{"id":"gid://shopify/LineItem/11","quantity":2,"__parentId":"gid://shopify/Order/1"}',
  '{"id":null,"quantity":1,"lineItem":{"id":"gid://shopify/LineItem/11"},"__parentId":"gid://shopify/Refund/9"}',
  "",
  '{"id":"gid://shopify/Order/2","name":"#1002","refunds":[]}',
  '{"id":"gid://shopify/LineItem/21","quantity":1,"__parentId":"gid://shopify/Order/2"}',
].join("\n");

describe("readJsonl / groupJsonl", () => {
  it("stitches lines split across chunks (multi-byte characters included) and numbers them from 1", async () => {
    for (const size of [1, 3, 64, 10_000]) {
      const lines = await collect(readJsonl(bytes(FILE, size)));
      expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 5, 6]);
      expect(lines[0].value.name).toBe("#1001 — café");
    }
  });

  it("rebuilds each root with its children, through ids nested in the root (refunds)", async () => {
    const groups = await collect(groupJsonl(readJsonl(bytes(FILE, 5))));
    expect(groups.map((g) => [g.root.id, g.children.length, g.firstLine, g.lastLine])).toEqual([
      ["gid://shopify/Order/1", 2, 1, 3],
      ["gid://shopify/Order/2", 1, 5, 6],
    ]);
  });

  it("skips lines up to a resume cursor without parsing them", async () => {
    const broken = "not json at all\n" + FILE.split("\n").slice(1).join("\n");
    const lines = await collect(readJsonl(bytes(broken, 4), { afterLine: 4 }));
    expect(lines.map((l) => l.line)).toEqual([5, 6]);
  });

  it("refuses a child whose parent is not in its group, and a line that is not an object", async () => {
    const orphan = '{"id":"gid://shopify/Order/1"}\n{"id":"gid://shopify/LineItem/1","__parentId":"gid://shopify/Order/7"}\n';
    await expect(collect(groupJsonl(readJsonl(bytes(orphan, 8))))).rejects.toThrow(new BulkJsonlError("line 2: parent gid://shopify/Order/7 is not among the preceding lines of its group"));
    await expect(collect(readJsonl(bytes('{"a":1}\n[1,2]\n', 8)))).rejects.toThrow(/^line 2: not a JSON object/);
  });

  it("batches whole groups of about n lines", async () => {
    const groups = await collect(groupJsonl(readJsonl(bytes(FILE, 16))));
    async function* source(): AsyncGenerator<JsonlGroup> {
      yield* groups;
    }
    const batches = await collect(batchGroups(source(), 2));
    expect(batches.map((b) => b.map((g) => g.root.id))).toEqual([["gid://shopify/Order/1"], ["gid://shopify/Order/2"]]);
  });
});
