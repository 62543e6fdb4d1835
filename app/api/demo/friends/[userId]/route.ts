import { z } from "zod";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";

const params = z.object({ userId: z.string().regex(/^U[0-9a-f]{32}$/, "must be a user id") });

export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ params: p, channel }) =>
  fakeControl(channel, "GET", `friends/${params.parse(p).userId}`),
);
