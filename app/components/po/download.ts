// Downloads a file from an authenticated app route. In the Shopify admin, App Bridge adds the session token
// to same-origin fetches (a plain link would not carry it); in the demo the fetch is simply a fetch.

/** The filename from a Content-Disposition header, or `fallback`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(header ?? "");
  return match?.[1] ?? fallback;
}

/** Fetches `url` and saves the body as a file; throws a merchant-readable Error when the server refuses. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status === 404 ? "This purchase order no longer exists." : `The download failed (HTTP ${response.status}) — try again.`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filenameFromDisposition(response.headers.get("Content-Disposition"), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
