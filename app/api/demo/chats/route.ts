import { apiRoute } from "@/lib/platform/http/api-route";
import { fakeControl } from "@/lib/demo/fake-control";

export const GET = apiRoute({ role: "viewer" }, async () => fakeControl("GET", "chats"));
