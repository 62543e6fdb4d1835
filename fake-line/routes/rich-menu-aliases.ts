// Rich menu aliases (create, get, update, delete, list) and the batch control of linked menus (batch,
// validate/batch, progress). A batch's request id is its answer's x-line-request-id; it is applied at
// once and reads `ongoing` for `richMenuBatchMs`, then `succeeded`, or `failed` when one of its menus
// does not exist (the operations on menus that do exist are still applied, as on LINE).
import type { BatchOperation } from "../domain/rich-menus";
import { json, lineError, type HttpReply } from "../http/reply";
import { jsonObject, type Route, type RouteContext } from "../http/route";
import type { Platform } from "../platform";
import { Checker, join, type Obj } from "../validation/checker";
import { RICH_MENU_MESSAGES } from "./rich-menus";

const ALIAS_PATTERN = /^[a-z0-9_-]{1,32}$/;
const RESUME_KEY_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;

const ALIAS_MESSAGES = {
  conflict: "conflict richmenu alias id",
  notFound: "richmenu alias not found",
} as const;

export const richMenuAliasRoutes: Route[] = [
  {
    method: "POST",
    path: "/v2/bot/richmenu/alias",
    rateClass: "default",
    jsonBody: true,
    handle(ctx) {
      const body = jsonObject(ctx);
      const c = new Checker();
      const aliasId = c.str(body, "richMenuAliasId", "", { required: true, max: 32, pattern: ALIAS_PATTERN, patternMessage: "Must match ^[a-z0-9_-]{1,32}$" });
      const richMenuId = c.str(body, "richMenuId", "", { required: true });
      const invalid = c.result();
      if (invalid) return invalid;
      const menus = ctx.platform.richMenus;
      if (menus.aliases.has(aliasId ?? "")) return lineError(400, ALIAS_MESSAGES.conflict);
      const problem = aliasTargetProblem(ctx.platform, richMenuId ?? "");
      if (problem) return problem;
      menus.aliases.set(aliasId ?? "", richMenuId ?? "");
      return json(200, {});
    },
  },
  {
    method: "GET",
    path: "/v2/bot/richmenu/alias/list",
    rateClass: "default",
    handle: (ctx) => json(200, { aliases: [...ctx.platform.richMenus.aliases].map(([richMenuAliasId, richMenuId]) => ({ richMenuAliasId, richMenuId })) }),
  },
  {
    method: "GET",
    path: "/v2/bot/richmenu/alias/:richMenuAliasId",
    rateClass: "default",
    handle(ctx) {
      const aliasId = ctx.params.richMenuAliasId ?? "";
      const richMenuId = ctx.platform.richMenus.aliases.get(aliasId);
      return richMenuId ? json(200, { richMenuAliasId: aliasId, richMenuId }) : lineError(404, ALIAS_MESSAGES.notFound);
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/alias/:richMenuAliasId",
    rateClass: "default",
    jsonBody: true,
    handle(ctx) {
      const body = jsonObject(ctx);
      const c = new Checker();
      const richMenuId = c.str(body, "richMenuId", "", { required: true });
      const invalid = c.result();
      if (invalid) return invalid;
      const aliasId = ctx.params.richMenuAliasId ?? "";
      const menus = ctx.platform.richMenus;
      if (!menus.aliases.has(aliasId)) return lineError(400, ALIAS_MESSAGES.notFound);
      const problem = aliasTargetProblem(ctx.platform, richMenuId ?? "");
      if (problem) return problem;
      menus.aliases.set(aliasId, richMenuId ?? "");
      return json(200, {});
    },
  },
  {
    method: "DELETE",
    path: "/v2/bot/richmenu/alias/:richMenuAliasId",
    rateClass: "richMenu",
    handle(ctx) {
      const aliasId = ctx.params.richMenuAliasId ?? "";
      if (!ctx.platform.richMenus.aliases.delete(aliasId)) return lineError(400, ALIAS_MESSAGES.notFound);
      return json(200, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/batch",
    rateClass: "richMenuBatch",
    jsonBody: true,
    handle(ctx) {
      const checked = checkBatch(ctx);
      if ("error" in checked) return checked.error;
      const p = ctx.platform;
      const now = p.clock.now();
      const key = checked.resumeRequestKey;
      if (key !== undefined) {
        const state = p.richMenus.resumeKeyState(key, now, p.config.richMenuBatchMs);
        if (state === "ongoing") return lineError(409, "A request with the same resumeRequestKey is still in progress");
        if (state === "succeeded") return lineError(409, "A request with the same resumeRequestKey has already succeeded");
      }
      p.richMenus.runBatch(checked.operations, ctx.requestId, now, key);
      return json(202, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/validate/batch",
    rateClass: "default",
    jsonBody: true,
    handle(ctx) {
      const checked = checkBatch(ctx);
      if ("error" in checked) return checked.error;
      const c = new Checker();
      checked.operations.forEach((op, i) => {
        for (const side of ["from", "to"] as const) {
          const id = side in op ? (op as Record<string, string>)[side] : undefined;
          if (id !== undefined && !ctx.platform.richMenus.get(id)) c.error(join(join("operations", i), side), RICH_MENU_MESSAGES.notFound);
        }
      });
      return c.result() ?? json(200, {});
    },
  },
  {
    method: "GET",
    path: "/v2/bot/richmenu/progress/batch",
    rateClass: "default",
    handle(ctx) {
      const requestId = ctx.query.get("requestId");
      if (!requestId) return lineError(400, "The value for the 'requestId' parameter is invalid");
      const p = ctx.platform;
      const progress = p.richMenus.batchProgress(requestId, p.clock.now(), p.config.richMenuBatchMs);
      return progress ? json(200, progress) : lineError(404, "Not found");
    },
  },
];

/** An alias may point only at an existing menu with its image. */
function aliasTargetProblem(p: Platform, richMenuId: string): HttpReply | null {
  const menu = p.richMenus.get(richMenuId);
  if (!menu) return lineError(400, RICH_MENU_MESSAGES.notFound);
  if (!menu.image) return lineError(400, RICH_MENU_MESSAGES.noImage);
  return null;
}

function checkBatch(ctx: RouteContext): { operations: BatchOperation[]; resumeRequestKey?: string } | { error: HttpReply } {
  const body = jsonObject(ctx);
  const c = new Checker();
  const list = c.arr(body, "operations", "", { required: true, min: 1, max: 1000 }) ?? [];
  const resumeRequestKey = c.str(body, "resumeRequestKey", "", {
    min: 1,
    max: 100,
    pattern: RESUME_KEY_PATTERN,
    patternMessage: "Must match ^[a-zA-Z0-9_-]{1,100}$",
  });
  const operations: BatchOperation[] = [];
  list.forEach((value, i) => {
    const path = join("operations", i);
    const op: Obj | undefined = c.object(value, path);
    if (!op) return;
    const type = c.str(op, "type", path, { required: true });
    if (!c.oneOf(type, ["link", "unlink", "unlinkAll"], join(path, "type"))) return;
    if (type === "unlinkAll") return operations.push({ type: "unlinkAll" });
    const from = c.str(op, "from", path, { required: true }) ?? "";
    if (type === "unlink") return operations.push({ type: "unlink", from });
    operations.push({ type: "link", from, to: c.str(op, "to", path, { required: true }) ?? "" });
  });
  const error = c.result();
  return error ? { error } : { operations, resumeRequestKey };
}
