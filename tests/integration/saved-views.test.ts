// Saved views on Replenishment (issue 16 item 3), through the real route action (POST /app/saved-views) and
// the real Replenishment loader: save, overwrite, rename, delete; names unique per shop whatever their case;
// the loader's own filter schema stands behind the saved query; viewers apply but never change; another shop
// neither sees nor changes them; at most 50 per shop, also when two saves race.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import * as replenishmentRoute from "~/routes/app.replenishment";
import * as savedViewsRoute from "~/routes/app.saved-views";
import { VIEWER_MESSAGE } from "~/services/permissions.server";
import { createShop, uniqueShop } from "../factories";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const OWNER = "5101";
const MANAGER = "5102";
const VIEWER = "5103";

async function seedShop(label: string) {
  const shop = uniqueShop(`views-${label}`);
  await storeAdminSession(shop);
  await createShop(label, { shop });
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: OWNER, name: "Olive Owner", role: "owner" },
      { shop, staffId: MANAGER, name: "Max Manager", role: "manager" },
      { shop, staffId: VIEWER, name: "Vic Viewer", role: "viewer" },
    ],
  });
  return shop;
}

type Fields = Record<string, string>;
const post = (shop: string, staffId: string, fields: Fields) => postAsStaff(savedViewsRoute.action, "/app/saved-views", shop, staffId, { screen: "replenishment", ...fields });
const save = (shop: string, name: string, query: string, staffId = MANAGER) => post(shop, staffId, { intent: "save_view", name, query });

/** The views the Replenishment screen lists for `staffId`. */
async function screenViews(shop: string, staffId = MANAGER, search = "") {
  const response = await getAsStaff(replenishmentRoute.loader, `/app/replenishment${search}`, shop, staffId);
  expect(response.status).toBe(200);
  return ((await response.json()) as { views: { id: string; name: string; query: string }[] }).views;
}

const rows = (shop: string) => prisma.savedView.findMany({ where: { shop }, orderBy: { nameKey: "asc" }, select: { id: true, name: true, query: true, createdBy: true } });

describe("saved views on Replenishment", () => {
  it("saves the current filters, overwrites, renames and deletes, each audited", async () => {
    const shop = await seedShop("crud");
    // The screen's URL as it is: the page, the admin's own params and the default sort are not saved.
    const saved = await save(shop, "  Critical at Acme ", "urgency=critical&vendor=acme&page=3&host=abc&sort=stockout&view=x");
    expect(saved.status).toBe(200);
    const { view } = await saved.json();
    expect(view).toEqual({ id: expect.any(String), name: "Critical at Acme", query: "urgency=critical&vendor=acme" });
    expect(await rows(shop)).toEqual([{ ...view, createdBy: MANAGER }]);
    // Every member of staff sees it, viewers included (they may apply it).
    expect(await screenViews(shop, OWNER)).toEqual([view]);
    expect(await screenViews(shop, VIEWER, "?urgency=critical&vendor=acme&view=" + view.id)).toEqual([view]);

    const overwritten = await post(shop, OWNER, { intent: "overwrite_view", id: view.id, query: "urgency=high&sort=cover&page=2" });
    expect(overwritten.status).toBe(200);
    expect((await overwritten.json()).view).toEqual({ ...view, query: "urgency=high&sort=cover" });

    const renamed = await post(shop, OWNER, { intent: "rename_view", id: view.id, name: "High, by cover" });
    expect(renamed.status).toBe(200);
    expect(await screenViews(shop)).toEqual([{ id: view.id, name: "High, by cover", query: "urgency=high&sort=cover" }]);
    // Renaming to its own name in another case is no clash with itself.
    expect((await post(shop, OWNER, { intent: "rename_view", id: view.id, name: "HIGH, by cover" })).status).toBe(200);

    const deleted = await post(shop, MANAGER, { intent: "delete_view", id: view.id });
    expect(deleted.status).toBe(200);
    expect(await screenViews(shop)).toEqual([]);
    // Gone: a second delete (another tab) is told so.
    const again = await post(shop, MANAGER, { intent: "delete_view", id: view.id });
    expect(again.status).toBe(404);
    expect((await again.json()).error).toMatch(/^That view no longer exists/);

    const audit = await prisma.auditEntry.findMany({ where: { shop, entityType: "SavedView" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["saved_view.created", MANAGER],
      ["saved_view.overwritten", OWNER],
      ["saved_view.renamed", OWNER],
      ["saved_view.renamed", OWNER],
      ["saved_view.deleted", MANAGER],
    ]);
    expect(audit[1].before).toEqual({ query: "urgency=critical&vendor=acme" });
  });

  it("refuses a name already taken, whatever its case, on save and on rename", async () => {
    const shop = await seedShop("dupe");
    const first = (await (await save(shop, "Critical", "urgency=critical")).json()).view;
    const second = (await (await save(shop, "Acme", "vendor=acme")).json()).view;
    const dupe = await save(shop, " CRITICAL ", "urgency=high");
    expect(dupe.status).toBe(409);
    expect(await dupe.json()).toEqual({ error: "There is already a view named “CRITICAL” — choose another name" });
    const rename = await post(shop, MANAGER, { intent: "rename_view", id: second.id, name: "critical" });
    expect(rename.status).toBe(409);
    expect((await rename.json()).error).toBe("There is already a view named “critical” — choose another name");
    expect(await rows(shop)).toEqual([
      { id: second.id, name: "Acme", query: "vendor=acme", createdBy: MANAGER },
      { id: first.id, name: "Critical", query: "urgency=critical", createdBy: MANAGER },
    ]);
  });

  it("refuses filters the screen would refuse, and names that are empty or too long, saving nothing", async () => {
    const shop = await seedShop("invalid");
    for (const query of ["urgency=someday", "sort=name", "abc=D", `q=${"x".repeat(101)}`, "page=0"]) {
      const response = await save(shop, "Bad", query);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual({ error: "These filters can't be saved — reload the page and try again" });
    }
    const empty = await save(shop, "   ", "urgency=critical");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "Give the view a name" });
    const long = await save(shop, "x".repeat(61), "urgency=critical");
    expect(await long.json()).toEqual({ error: "A view name can be at most 60 characters" });
    const screen = await postAsStaff(savedViewsRoute.action, "/app/saved-views", shop, MANAGER, { intent: "save_view", screen: "purchase-orders", name: "PO", query: "" });
    expect(screen.status).toBe(400);
    expect(await rows(shop)).toEqual([]);
    // An overwrite with bad filters leaves the view as it was.
    const { view } = await (await save(shop, "Critical", "urgency=critical")).json();
    const overwrite = await post(shop, MANAGER, { intent: "overwrite_view", id: view.id, query: "urgency=someday" });
    expect(overwrite.status).toBe(400);
    expect((await rows(shop))[0].query).toBe("urgency=critical");
  });

  it("lets viewers apply views but refuses every change with 403", async () => {
    const shop = await seedShop("viewer");
    const { view } = await (await save(shop, "Critical", "urgency=critical")).json();
    const before = await rows(shop);
    for (const fields of <Fields[]>[
      { intent: "save_view", name: "Mine", query: "urgency=low" },
      { intent: "overwrite_view", id: view.id, query: "urgency=low" },
      { intent: "rename_view", id: view.id, name: "Mine" },
      { intent: "delete_view", id: view.id },
    ]) {
      const response = await post(shop, VIEWER, fields);
      expect(response.status, fields.intent).toBe(403);
      expect(await response.json()).toEqual({ error: VIEWER_MESSAGE });
    }
    expect(await rows(shop)).toEqual(before);
    expect(await screenViews(shop, VIEWER, "?urgency=critical")).toEqual([view]);
  });

  it("keeps each shop's views to itself: another shop neither sees nor changes them", async () => {
    const a = await seedShop("a");
    const b = await seedShop("b");
    const { view } = await (await save(a, "Critical", "urgency=critical")).json();
    expect(await screenViews(b)).toEqual([]);
    for (const fields of <Fields[]>[
      { intent: "overwrite_view", id: view.id, query: "urgency=low" },
      { intent: "rename_view", id: view.id, name: "Taken over" },
      { intent: "delete_view", id: view.id },
    ]) {
      const response = await post(b, OWNER, fields);
      expect(response.status, fields.intent).toBe(404);
    }
    expect(await rows(a)).toEqual([{ ...view, createdBy: MANAGER }]);
    // The same name is free in another shop.
    expect((await save(b, "critical", "urgency=critical")).status).toBe(200);
    expect((await screenViews(a)).map((v) => v.name)).toEqual(["Critical"]);
  });

  it("keeps at most 50 views per shop, also when saves race for the last places", async () => {
    const shop = await seedShop("limit");
    await prisma.savedView.createMany({
      data: Array.from({ length: 41 }, (_, i) => ({ shop, screen: "replenishment", name: `View ${i}`, nameKey: `view ${i}`, query: `q=${i}`, createdBy: OWNER })),
    });
    expect((await save(shop, "Forty-two", "urgency=low")).status).toBe(200);
    // Ten saves at once for the last eight places: eight win, two are told why.
    const raced = await Promise.all(Array.from({ length: 10 }, (_, i) => save(shop, `Race ${i}`, "urgency=high")));
    expect(raced.map((r) => r.status).sort()).toEqual([...Array(8).fill(200), 409, 409]);
    const refused = raced.find((r) => r.status === 409)!;
    const message = "Replenishment already has 50 saved views, the most it can keep — delete one you no longer use, or overwrite it";
    expect(await refused.json()).toEqual({ error: message });
    const full = await save(shop, "Fifty-one", "urgency=critical");
    expect(full.status).toBe(409);
    expect(await full.json()).toEqual({ error: message });
    expect(await prisma.savedView.count({ where: { shop } })).toBe(50);
    // Two saves of one new name at once: one view.
    await prisma.savedView.deleteMany({ where: { shop, name: { startsWith: "View 1" } } });
    const same = await Promise.all([save(shop, "Twin", "urgency=high"), save(shop, "twin", "urgency=low")]);
    expect(same.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await prisma.savedView.count({ where: { shop, nameKey: "twin" } })).toBe(1);
  });
});
