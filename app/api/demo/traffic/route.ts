import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";
import { trafficBodySchema } from "@/lib/demo/schemas";

/** Demo mode: steady random activity from the fake's friends (so the timeline is alive), or stop it. */
export const GET = apiRoute({ role: "viewer" }, async ({ channel }) => fakeControl(channel, "GET", "traffic"));
export const POST = apiRoute({ role: "operator" }, async ({ req, channel }) =>
  fakeControl(channel, "POST", "traffic", await parseJsonBody(trafficBodySchema, req)),
);
export const DELETE = apiRoute({ role: "operator" }, async ({ channel }) => fakeControl(channel, "DELETE", "traffic"));
