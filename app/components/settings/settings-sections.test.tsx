// The Settings screen's sections render what the loader and action return (server-side render, no browser):
// limits and units beside each field, field errors, re-process buttons per failed event, the backfill button
// disabled in demo mode, and import outcomes with line numbers.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ImportCard } from "~/components/settings/ImportCard";
import { PlanningSettingsCard } from "~/components/settings/PlanningSettingsCard";
import { SyncHealthCard, type BackfillView, type SyncHealthView } from "~/components/settings/SyncHealthCard";

const html = (node: ReactNode) => renderToString(<AppProvider i18n={en}>{node}</AppProvider>).replace(/<!-- -->/g, "");
const noop = () => {};

const SETTINGS = {
  serviceLevelA: 98,
  serviceLevelB: 95,
  serviceLevelC: 90,
  reviewPeriodDays: 7,
  holdingCostRatePercent: 25,
  orderingCost: "25.00",
  forecastHorizonDays: 90,
  overstockCoverDays: 180,
  deadStockDays: 90,
  deadStockMinValue: "100.00",
  planBudget: "5000.00",
};

const HEALTH: SyncHealthView = {
  windowHours: 24,
  webhooks: {
    received: 1,
    processed: 5,
    failed: 1,
    total: 7,
    recentFailures: [{ id: "evt_1", webhookId: "w-1", topic: "orders/create", error: "location gid://shopify/Location/9 is not synced yet", attempts: 5, receivedAt: "2026-11-22T10:00:00.000Z" }],
  },
  jobs: {
    queued: 0,
    running: 0,
    failed: 1,
    recent: [{ id: "job_1", name: "process-webhook", status: "failed", attempts: 5, maxAttempts: 5, lastError: "boom", runAt: "2026-11-22T10:00:00.000Z", createdAt: "2026-11-22T10:00:00.000Z" }],
  },
  status: "attention",
  timeZoneWarning: null,
};

const BACKFILL: BackfillView = { status: "running", stage: "catalog", objectsDone: 50, objectsTotal: 200, startedAt: "2026-11-22T09:00:00.000Z", finishedAt: null, error: null, percent: 31 };

describe("Settings screen sections", () => {
  it("planning form: labelled cycle service levels, units and the allowed range, errors per field", () => {
    const out = html(
      <PlanningSettingsCard
        settings={SETTINGS}
        currencyCode="CAD"
        saving={false}
        result={{ intent: "save-settings", ok: false, fieldErrors: { serviceLevelA: "Class A cycle service level must be between 50 and 99.99%." } }}
        onSave={noop}
      />,
    );
    expect(out).toContain("Class A cycle service level");
    expect(out).toContain("the chance of not running out between two orders");
    expect(out).toContain("Allowed: between 50 and 99.99%.");
    expect(out).toContain("Class A cycle service level must be between 50 and 99.99%.");
    expect(out).toContain("Nothing was saved");
    expect(out).toContain('value="25.00"');
    expect(out).toContain("CAD");
    expect(out).toContain("Balance service levels by unit cost");
    expect(out).toContain("Lower service levels for variable demand");
    expect(out).toMatch(/<input[^>]*name="serviceByVariability"[^>]*aria-checked="false"/);
    expect(out).toContain("Purchase budget per plan");
    expect(out).toContain('value="5000.00"');
    expect(out).toContain("Leave empty for no limit.");
    expect(out).toMatch(/<input[^>]*name="balanceServiceByCost"[^>]*aria-checked="false"/);
    const on = html(<PlanningSettingsCard settings={{ ...SETTINGS, balanceServiceByCost: true }} currencyCode="CAD" saving={false} result={null} onSave={noop} />);
    expect(on).toMatch(/<input[^>]*name="balanceServiceByCost"[^>]*aria-checked="true"/);
  });

  it("sync health: counts, a Re-process button per failed event, job errors, backfill progress", () => {
    const props = { health: HEALTH, backfill: BACKFILL, pendingEventId: null, backfillPending: false, reprocessResult: null, backfillResult: null, onReprocess: noop, onRunBackfill: noop };
    const shopify = html(<SyncHealthCard {...props} demo={false} />);
    expect(shopify).toContain("location gid://shopify/Location/9 is not synced yet");
    expect(shopify).toContain("Re-process orders/create event w-1");
    expect(shopify).toContain("boom");
    expect(shopify).toContain("31% · stage: Products, variants and stock · 50 of 200 records");
    expect(shopify).not.toContain("Not available in demo mode");
    expect(shopify).not.toContain("Time zone");

    const warned = html(<SyncHealthCard {...props} health={{ ...HEALTH, timeZoneWarning: 'Shopify reported the time zone "Mars/Olympus".' }} demo={false} />);
    expect(warned).toContain("Time zone");
    expect(warned).toContain("Shopify reported the time zone &quot;Mars/Olympus&quot;.");

    const demo = html(<SyncHealthCard {...props} demo backfill={{ ...BACKFILL, status: "none", stage: null, percent: 0 }} />);
    expect(demo).toContain("Not available in demo mode: there is no Shopify store to read from.");
    expect(demo).toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>).)*Run backfill again/);
  });

  it("import: row errors with line numbers, and the already-imported message", () => {
    const recent = [
      {
        id: "b1",
        kind: "demand",
        fileName: "history.csv",
        status: "failed" as const,
        rowCount: 3,
        percent: null,
        written: 0,
        skipped: 0,
        rowsWritten: 0,
        errorCount: 1,
        errors: [{ line: 3, message: "qty: must be a whole number of units" }],
        createdAt: "2026-11-22T10:00:00.000Z",
      },
    ];
    const failed = html(<ImportCard maxUploadMb={20} maxRows={1_000_000} recent={recent} importing={false} result={null} onImport={noop} />);
    expect(failed).toContain("Failed: 1 problem from history.csv");
    expect(failed).toContain("Line 3: qty: must be a whole number of units");

    const duplicate = html(
      <ImportCard maxUploadMb={20} maxRows={1_000_000} recent={[]} importing={false} result={{ intent: "import", ok: true, fileName: "history.csv", result: { status: "duplicate", batchId: "b1" } }} onImport={noop} />,
    );
    expect(duplicate).toContain("This file was already imported");
  });
});
