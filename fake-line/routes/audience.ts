// Audience management (manage-audience.yml): upload audiences by JSON (create, add ids), click and
// impression retargeting audiences from a broadcast/narrowcast request id, get, list, rename, delete.
import { audienceStatus, expireTimestamp, type Audience } from "../domain/audiences";
import { engagedUsers, sourcesOf } from "../domain/statistics";
import { invalidQueryParam, json, lineError, type HttpReply } from "../http/reply";
import { jsonObject, type Route, type RouteContext } from "../http/route";
import { Checker, join, type Obj } from "../validation/checker";

const NOT_FOUND: HttpReply = { status: 400, body: { message: "audience group not found", details: [{ message: "AUDIENCE_GROUP_NOT_FOUND" }] } };
const STATUSES = ["IN_PROGRESS", "READY", "FAILED", "EXPIRED", "INACTIVE", "ACTIVATING"];

export const audienceRoutes: Route[] = [
  {
    method: "POST",
    path: "/v2/bot/audienceGroup/upload",
    rateClass: "audience",
    jsonBody: true,
    handle(ctx) {
      const p = ctx.platform;
      const body = jsonObject(ctx);
      const c = new Checker();
      const description = c.str(body, "description", "", { required: true, max: 120 });
      const isIfaAudience = c.bool(body, "isIfaAudience", "") ?? false;
      const uploadDescription = c.str(body, "uploadDescription", "");
      const ids = audienceIds(c, body, false);
      const invalid = c.result();
      if (invalid || description === undefined) return invalid ?? lineError(400, "description must be specified");
      const now = p.clock.now();
      const audience = p.audiences.create({ type: "UPLOAD", description, isIfaAudience, ids, uploadDescription, now, readyMs: p.config.audienceReadyMs });
      return json(202, { ...createdBody(audience), permission: "READ_WRITE", expireTimestamp: expireTimestamp(audience), isIfaAudience });
    },
  },
  {
    method: "PUT",
    path: "/v2/bot/audienceGroup/upload",
    rateClass: "audience",
    jsonBody: true,
    handle(ctx) {
      const p = ctx.platform;
      const body = jsonObject(ctx);
      const c = new Checker();
      const id = c.num(body, "audienceGroupId", "", { required: true, integer: true });
      const uploadDescription = c.str(body, "uploadDescription", "");
      const ids = audienceIds(c, body, true);
      const invalid = c.result();
      if (invalid || id === undefined) return invalid ?? NOT_FOUND;
      const now = p.clock.now();
      const audience = p.audiences.get(id, now);
      if (!audience) return NOT_FOUND;
      if (audience.type !== "UPLOAD") return lineError(400, "Only audiences for uploading user IDs can be updated");
      p.audiences.addJob(audience, ids, uploadDescription, now, p.config.audienceReadyMs);
      return json(202, {});
    },
  },
  retargeting("click"),
  retargeting("imp"),
  {
    method: "GET",
    path: "/v2/bot/audienceGroup/list",
    rateClass: "audience",
    handle: (ctx) => list(ctx),
  },
  {
    method: "PUT",
    path: "/v2/bot/audienceGroup/:audienceGroupId/updateDescription",
    rateClass: "audience",
    jsonBody: true,
    handle(ctx) {
      const audience = find(ctx);
      if (!audience) return NOT_FOUND;
      const c = new Checker();
      const description = c.str(jsonObject(ctx), "description", "", { required: true, min: 1, max: 120 });
      const invalid = c.result();
      if (invalid || description === undefined) return invalid ?? NOT_FOUND;
      audience.description = description;
      return json(200, {});
    },
  },
  {
    method: "GET",
    path: "/v2/bot/audienceGroup/:audienceGroupId",
    rateClass: "audience",
    handle(ctx) {
      const audience = find(ctx);
      if (!audience) return NOT_FOUND;
      const now = ctx.platform.clock.now();
      const jobs =
        audience.type !== "UPLOAD"
          ? []
          : audience.jobs.map((job) => ({
              audienceGroupJobId: job.audienceGroupJobId,
              audienceGroupId: audience.audienceGroupId,
              ...(job.description !== undefined ? { description: job.description } : {}),
              type: "DIFF_ADD",
              jobStatus: now < job.readyAt ? "WORKING" : "FINISHED",
              audienceCount: job.count,
              created: Math.floor(job.createdAt / 1000),
            }));
      return json(200, { audienceGroup: groupBody(audience, now), jobs });
    },
  },
  {
    method: "DELETE",
    path: "/v2/bot/audienceGroup/:audienceGroupId",
    rateClass: "audience",
    handle(ctx) {
      const audience = find(ctx);
      if (!audience) return NOT_FOUND;
      ctx.platform.audiences.delete(audience.audienceGroupId);
      return json(200, {});
    },
  },
];

function retargeting(kind: "click" | "imp"): Route {
  return {
    method: "POST",
    path: `/v2/bot/audienceGroup/${kind}`,
    rateClass: "audience",
    jsonBody: true,
    handle(ctx) {
      const p = ctx.platform;
      const body = jsonObject(ctx);
      const c = new Checker();
      const description = c.str(body, "description", "", { required: true, min: 1, max: 120 });
      const requestId = c.str(body, "requestId", "", { required: true });
      const clickUrl = kind === "click" ? c.str(body, "clickUrl", "", { max: 2000 }) : undefined;
      const invalid = c.result();
      if (invalid || description === undefined || requestId === undefined) return invalid ?? NOT_FOUND;
      const send = p.trackedSends.get(requestId);
      if (!send || (send.record.kind !== "broadcast" && send.record.kind !== "narrowcast")) return lineError(400, `Invalid request id: ${requestId}`);
      // Who opened the message (imp) or a link in it (click) by now, as the statistics count them.
      const ids = engagedUsers(send, kind, sourcesOf(p), clickUrl);
      const audience = p.audiences.create({
        type: kind === "click" ? "CLICK" : "IMP",
        description,
        isIfaAudience: false,
        ids,
        requestId,
        clickUrl,
        now: p.clock.now(),
        readyMs: p.config.audienceReadyMs,
      });
      const base = { ...createdBody(audience), requestId };
      return json(
        202,
        kind === "click"
          ? { ...base, ...(clickUrl ? { clickUrl } : {}), permission: "READ_WRITE", expireTimestamp: expireTimestamp(audience), isIfaAudience: false }
          : base,
      );
    },
  };
}

function list(ctx: RouteContext): HttpReply {
  const p = ctx.platform;
  const now = p.clock.now();
  const page = Number(ctx.query.get("page") ?? "");
  if (!Number.isInteger(page) || page < 1) return invalidQueryParam("page");
  const size = Number(ctx.query.get("size") ?? "20");
  if (!Number.isInteger(size) || size < 1 || size > 40) return invalidQueryParam("size");
  const status = ctx.query.get("status");
  if (status !== null && !STATUSES.includes(status)) return invalidQueryParam("status");
  const description = ctx.query.get("description")?.toLowerCase();
  const createRoute = ctx.query.get("createRoute");
  const all = p.audiences
    .list(now)
    .filter(
      (a) =>
        (status === null || audienceStatus(a, now) === status) &&
        (!description || a.description.toLowerCase().includes(description)) &&
        (!createRoute || createRoute === "MESSAGING_API"),
    );
  const slice = all.slice((page - 1) * size, page * size);
  return json(200, {
    audienceGroups: slice.map((a) => groupBody(a, now)),
    hasNextPage: page * size < all.length,
    totalCount: all.length,
    readWriteAudienceGroupTotalCount: all.length,
    size,
    page,
  });
}

function find(ctx: RouteContext): Audience | undefined {
  const id = Number(ctx.params.audienceGroupId);
  return Number.isInteger(id) ? ctx.platform.audiences.get(id, ctx.platform.clock.now()) : undefined;
}

function createdBody(a: Audience) {
  return {
    audienceGroupId: a.audienceGroupId,
    createRoute: "MESSAGING_API",
    type: a.type,
    description: a.description,
    created: Math.floor(a.createdAt / 1000),
  };
}

function groupBody(a: Audience, now: number): Record<string, unknown> {
  const status = audienceStatus(a, now);
  return {
    audienceGroupId: a.audienceGroupId,
    createRoute: "MESSAGING_API",
    type: a.type,
    description: a.description,
    status,
    audienceCount: status === "IN_PROGRESS" ? 0 : a.members.size,
    created: Math.floor(a.createdAt / 1000),
    permission: "READ_WRITE",
    isIfaAudience: a.isIfaAudience,
    expireTimestamp: expireTimestamp(a),
    ...(a.requestId ? { requestId: a.requestId } : {}),
    ...(a.clickUrl ? { clickUrl: a.clickUrl } : {}),
  };
}

function audienceIds(c: Checker, body: Obj, required: boolean): string[] {
  const items = c.arr(body, "audiences", "", { required, max: 10_000, ...(required ? { min: 1 } : {}) });
  const ids: string[] = [];
  items?.forEach((item, i) => {
    const path = join("audiences", i);
    const obj = c.object(item, path);
    const id = obj ? c.str(obj, "id", path, { required: true }) : undefined;
    if (id) ids.push(id);
  });
  return ids;
}
