import { checkHealth } from "~/services/health.server";
import { APP_VERSION } from "~/utils/version";

// Liveness + database readiness for load balancers and the demo script. No auth, no shop data.
export async function loader() {
  const health = await checkHealth(APP_VERSION);
  return Response.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
