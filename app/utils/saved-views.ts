import { z } from "zod";
import { normalizeReplenishmentQuery, REPLENISHMENT_QUERY_KEYS } from "./planning-options";

// Saved views: named filter and sort sets of a list screen, shared by the shop's staff (docs/saved-views.md).
// Client-safe: the screen's picker and the server's action read the same rules. A screen joins with one
// entry below: its URL keys and the normalizer its own loader's schema stands behind.

interface ScreenRules {
  /** The URL keys a view replaces when applied (filters, sort and page). */
  keys: readonly string[];
  /** URL params → the canonical query string a view stores, or null when the screen's loader would refuse them. */
  normalize: (params: URLSearchParams) => string | null;
}

const SCREENS: Record<"replenishment", ScreenRules> = {
  replenishment: { keys: REPLENISHMENT_QUERY_KEYS, normalize: normalizeReplenishmentQuery },
};

export type SavedViewScreen = keyof typeof SCREENS;
export const SAVED_VIEW_SCREENS = Object.keys(SCREENS) as [SavedViewScreen, ...SavedViewScreen[]];

/** Most views one shop keeps per screen: the picker stays a short list. */
export const MAX_SAVED_VIEWS = 50;
export const MAX_VIEW_NAME = 60;

export const savedViewNameSchema = z
  .string()
  .trim()
  .min(1, "Give the view a name")
  .max(MAX_VIEW_NAME, `A view name can be at most ${MAX_VIEW_NAME} characters`);

/** The key names are unique under, whatever their case ("Critical" and "critical" are one name). */
export const viewNameKey = (name: string) => name.trim().toLocaleLowerCase("en-US");

/** A screen's URL → the query a view of it stores, or null when the screen would refuse those filters. */
export function normalizeViewQuery(screen: SavedViewScreen, params: URLSearchParams): string | null {
  return SCREENS[screen].normalize(params);
}

/** The URL param naming the view the merchant last applied (so the screen can say "modified" once they change a filter). */
export const VIEW_PARAM = "view";

export interface SavedViewDto {
  id: string;
  name: string;
  query: string;
}

/**
 * The URL search of `current` with `view` applied (null: the default "All lines"): the screen's own keys
 * (filters, sort, page) replaced by the view's, anything else (the embedded admin's host, shop…) kept.
 */
export function applyView(screen: SavedViewScreen, current: URLSearchParams, view: SavedViewDto | null): string {
  const next = new URLSearchParams([...current].filter(([k]) => k !== VIEW_PARAM && !SCREENS[screen].keys.includes(k)));
  if (view) {
    for (const [k, v] of new URLSearchParams(view.query)) next.append(k, v);
    next.set(VIEW_PARAM, view.id);
  }
  return next.toString();
}

/** What POST /app/saved-views answers: the view saved, renamed, overwritten or deleted, or why not. */
export type SavedViewActionData = { error: string; view?: undefined } | { error: null; view: SavedViewDto };

export interface ActiveView {
  /** The view shown, or null for "All lines" (or filters no view holds, when `modified`). */
  view: SavedViewDto | null;
  /** The URL's filters differ from that view's. */
  modified: boolean;
}

/**
 * Which view the URL shows: the one last applied (VIEW_PARAM), marked modified when the filters have changed
 * since; else a view holding exactly these filters; else "All lines" — modified unless there are none.
 */
export function activeView(screen: SavedViewScreen, views: readonly SavedViewDto[], params: URLSearchParams): ActiveView {
  const current = normalizeViewQuery(screen, params);
  const chosen = views.find((v) => v.id === params.get(VIEW_PARAM));
  if (chosen) return { view: chosen, modified: chosen.query !== current };
  const same = views.find((v) => v.query === current);
  if (same) return { view: same, modified: false };
  return { view: null, modified: current !== "" };
}
