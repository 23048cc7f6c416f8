// Forms that tests post to the app's actions the way its screens do, shared by the suites that walk every
// action (tests/integration/fuzz-forms.test.ts, viewer-role.test.ts).

type Fields = [string, string][];

/** A calendar date `n` days from today (UTC), as the forms take it. */
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The variant page's actions (app.forecasts.$variantId): one plausible form per intent. */
export const FORECAST_FORMS = {
  save_overrides: (): Fields => [
    ["intent", "save_overrides"],
    ["expected", JSON.stringify({ leadTimeOverrideDays: null, moqOverride: null, casePack: null, minQty: null, maxQty: null, doNotReorder: false })],
    ["casePack", "6"],
  ],
  add_forecast_override: (s: { location: { id: string } }): Fields => [["intent", "add_forecast_override"], ["locationId", s.location.id], ["startDate", inDays(1)], ["endDate", inDays(30)], ["dailyUnits", "20"]],
  delete_forecast_override: (): Fields => [["intent", "delete_forecast_override"], ["overrideId", "override-1"]],
};
