import { renderMetrics } from "@/lib/platform/metrics";
import { apiRoute } from "@/lib/runtime/api-route";

export const dynamic = "force-dynamic";

/**
 * This instance's metrics in Prometheus' text format, for a monitoring system's API key (role "metrics")
 * or an admin. Scrape every instance: counters are per instance, backlogs are the database's.
 */
export const GET = apiRoute({ scope: "console", role: "metrics" }, async ({ runtime }) => {
  const { body, contentType } = await renderMetrics(runtime.handle);
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
