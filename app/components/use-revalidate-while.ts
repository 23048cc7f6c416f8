import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";

/**
 * Re-reads the route's data every `everyMs` while `active` (a queued or running background job), so its
 * progress and outcome appear without a click. Skips a tick while a read is still under way.
 */
export function useRevalidateWhile(active: boolean, everyMs: number): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, revalidator]);
}
