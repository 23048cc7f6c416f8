import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "@remix-run/react";

/**
 * List screens keep their filters, sort and page in the URL (shareable, back-button friendly, read by the
 * loader). `update` changes some params and returns to page 1 unless the page itself changes; `search`
 * is the search box's text, written to `q` 300 ms after typing stops.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  // The box follows a `q` it did not write (a saved view applied, the back button); not its own debounced
  // write, which may land while the merchant is still typing.
  const urlSearch = params.get("q") ?? "";
  const [seenSearch, setSeenSearch] = useState(urlSearch);
  const written = useRef<string | null>(null);
  if (urlSearch !== seenSearch) {
    setSeenSearch(urlSearch);
    if (urlSearch !== written.current) setSearch(urlSearch);
  }
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) (v ? next.set(k, v) : next.delete(k));
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };
  useEffect(() => {
    const handle = setTimeout(() => {
      if (search === (params.get("q") ?? "")) return;
      written.current = search;
      update({ q: search || null });
    }, 300);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- debounce on typing only
  }, [search]);
  return { params, update, search, setSearch };
}

/** Polaris IndexTable pagination props for a page of a server-paginated list. */
export function paginationProps(page: { page: number; pageSize: number; total: number }, update: (c: Record<string, string | null>) => void, noun: string) {
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  return {
    hasPrevious: page.page > 1,
    hasNext: page.page < lastPage,
    onPrevious: () => update({ page: String(page.page - 1) }),
    onNext: () => update({ page: String(page.page + 1) }),
    label: `Page ${page.page} of ${lastPage} · ${page.total.toLocaleString("en-US")} ${noun}`,
  };
}
