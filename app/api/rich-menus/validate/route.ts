import { validateRichMenu } from "@/lib/rich-menus/manage-rich-menus";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { z } from "zod";

/** `{ ok, issues, line }`: our rules first, LINE's validate endpoint when they pass. */
export const POST = apiRoute({ role: "viewer" }, async ({ req, line }) => validateRichMenu({ body: await parseJsonBody(z.unknown(), req), line }));
