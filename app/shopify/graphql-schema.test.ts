// Every GraphQL document in app/shopify/queries is validated against the pinned Admin API schema
// (@shopify/dev-mcp's introspection of 2026-10, the version in shopify.server.ts). New files are picked up
// by the glob, so a misspelled field in any of them fails `npm test`. A document marked `validatedAgainst:
// "unstable"` (a field Shopify announced for 2026-10 that the bundled 2026-10 file lacks) is validated against
// the bundled `unstable` introspection instead, and must still be invalid against 2026-10: once a newer
// @shopify/dev-mcp has the field in 2026-10, that test fails and the mark is dropped.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { bulkOrdersQuery } from "./queries/bulk-orders";
import { isDocument, type AnyDocument } from "./queries/define";
import { INVENTORY_ITEM_UPDATE_COST } from "./queries/inventory-item-update-cost";

const API_VERSION = "2026-10";

function loadSchema(version: string = API_VERSION): GraphQLSchema {
  const file = `node_modules/@shopify/dev-mcp/dist/data/admin_${version}.json.gz`;
  const json = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { data: IntrospectionQuery };
  return buildClientSchema(json.data);
}

const schema = loadSchema();
const unstableSchema = loadSchema("unstable");
const modules = import.meta.glob<Record<string, unknown>>(["./queries/*.ts", "!./queries/*.test.ts"], { eager: true });

function documentsOf(mod: Record<string, unknown>): [string, AnyDocument][] {
  return Object.entries(mod).filter((entry): entry is [string, AnyDocument] => isDocument(entry[1]));
}

function errorsOf(source: string, against: GraphQLSchema = schema): string[] {
  return validate(against, parse(source)).map((e) => e.message);
}

describe("Admin API documents (schema 2026-10)", () => {
  it("agree with shopify.server.ts on the API version", () => {
    expect(readFileSync("app/shopify.server.ts", "utf8")).toMatch(/ApiVersion\.October26/);
  });

  it("are one per file in app/shopify/queries", () => {
    const files = Object.keys(modules).filter((f) => !f.endsWith("/define.ts"));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(documentsOf(modules[file]).map(([name]) => `${file}:${name}`)).toHaveLength(1);
  });

  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, doc] of documentsOf(mod)) {
      const unstable = doc.kind === "operation" && doc.validatedAgainst === "unstable";
      it(`${file} ${name} is valid${unstable ? " (unstable introspection)" : ""}`, () => {
        expect(errorsOf(doc.source, unstable ? unstableSchema : schema)).toEqual([]);
        if (unstable) expect(errorsOf(doc.source).join("\n")).toMatch(/Cannot query field/);
        if (doc.kind === "bulk") expect(parse(doc.source).definitions).toHaveLength(1);
      });
    }
  }

  it("the orders bulk query stays valid with its search filled in, quotes escaped", () => {
    const source = bulkOrdersQuery('created_at:>=2026-09-24 status:any tag:"a \\ b"');
    expect(source).toContain('orders(query: "created_at:>=2026-09-24 status:any tag:\\"a \\\\ b\\""');
    expect(errorsOf(source)).toEqual([]);
  });

  it("the landed-cost write-back sets only input.cost, a Decimal field of InventoryItemInput", () => {
    expect(errorsOf(INVENTORY_ITEM_UPDATE_COST.source)).toEqual([]);
    const input = schema.getType("InventoryItemInput");
    const fields = input && "getFields" in input ? (input.getFields() as Record<string, { type: { toString(): string } }>) : {};
    expect(fields.cost?.type.toString()).toBe("Decimal");
  });

  it("rejects a misspelled field, so a typo in a document cannot pass", () => {
    const wrong = `query { shop { name ianaTimeZone } }`;
    expect(errorsOf(wrong)).toEqual([expect.stringMatching(/Cannot query field "ianaTimeZone" on type "Shop"/)]);
  });

  it("rejects a wrong argument and a missing sub-selection", () => {
    expect(errorsOf(`query { currentBulkOperation(type: QUERIES) { id } }`).join("\n")).toMatch(/QUERIES/);
    expect(errorsOf(`query { bulkOperation(id: "gid://shopify/BulkOperation/1") { id status url unitCost } }`).join("\n")).toMatch(/unitCost/);
    expect(errorsOf(`query { shop }`).join("\n")).toMatch(/must have a selection of subfields/);
  });
});
