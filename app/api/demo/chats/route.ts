import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";

export const GET = apiRoute({ role: "viewer" }, async ({ channel }) => fakeControl("GET", "chats", undefined, channel));
