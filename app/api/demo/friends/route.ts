import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";
import { friendsQuerySchema } from "@/lib/demo/schemas";

/** Demo mode: the fake platform's people, with their (normally hidden) demographics. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, channel }) => {
  const q = parseSearchParams(friendsQuerySchema, req);
  const search = new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return fakeControl(channel, "GET", `friends?${search}`);
});
