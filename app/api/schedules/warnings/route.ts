import { scheduleWarningsQuerySchema } from "@/lib/campaigns/schedule-schemas";
import { scheduleWarnings } from "@/lib/campaigns/schedule-warnings";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** How a send at `at` would arrive in Taiwan, Japan and Thailand: local time, night, public holidays. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, line }) => {
  const { at } = parseSearchParams(scheduleWarningsQuerySchema, req);
  return scheduleWarnings(line, new Date(at));
});
