import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";

export const GET = apiRoute({ role: "viewer" }, async ({ channel }) => fakeControl(channel, "GET", "chats"));
