import { z } from "zod";
import { apiRoute } from "@/lib/runtime/api-route";
import { phoneRichMenu } from "@/lib/demo/fake-rich-menu";

const params = z.object({ userId: z.string().regex(/^U[0-9a-f]{32}$/, "must be a user id") });

/** Demo mode: the rich menu the friend's phone shows now (their link, the default, or a tab they switched to). */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ params: p, channel }) => phoneRichMenu(params.parse(p).userId, channel));
