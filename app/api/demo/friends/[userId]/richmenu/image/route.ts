import { z } from "zod";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeRichMenuImage } from "@/lib/demo/fake-rich-menu";

const query = z.object({ richMenuId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "must be a rich menu id") }).strict();

/** Demo mode: the image of a rich menu on the fake platform, for the friend's phone. */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ req, channel }) =>
  fakeRichMenuImage(parseSearchParams(query, req).richMenuId, channel),
);
