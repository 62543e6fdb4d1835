// Control API: read the world (users with attributes, chats), inboxes, send records, narrowcast jobs,
// and the generated pictures the profile URLs point at.
import { z } from "zod";
import { progressBody } from "../domain/narrowcast-jobs";
import { avatarPng, groupIconPng } from "../media/images";
import { areaByCode } from "../world/areas";
import type { User } from "../world/types";
import { ControlError, intParam, parseBody, sinceParam, type ControlRoute } from "./control-route";
import { chatJson, userJson } from "./serialize";

export const worldRoutes: ControlRoute[] = [
  {
    method: "GET",
    path: "/__fake/friends",
    handle({ platform: p, query }) {
      const filters = userFilters(query);
      const matching = [...p.world.users()].filter((u) => filters.every((f) => f(u)));
      const offset = intParam(query, "offset", 0) ?? 0;
      const limit = intParam(query, "limit", matching.length) ?? matching.length;
      return { total: matching.length, offset, users: matching.slice(offset, offset + limit).map((u) => userJson(p, u)) };
    },
  },
  {
    method: "GET",
    path: "/__fake/friends/:userId",
    handle({ platform: p, params }) {
      const user = p.world.user(params.userId ?? "");
      if (!user) throw new ControlError(404, "No such user");
      return { ...userJson(p, user), chats: p.world.chatsOf(user.id).map((c) => c.id) };
    },
  },
  {
    // What the friend's chat screen shows besides messages: the account's loading animation while it
    // runs, and the newest of their messages the account has marked as read (and all before it).
    method: "GET",
    path: "/__fake/friends/:userId/chat",
    handle({ platform: p, params }) {
      const user = p.world.user(params.userId ?? "");
      if (!user) throw new ControlError(404, "No such user");
      const screen = p.chatScreens.screen(user.id, p.clock.now());
      return {
        userId: user.id,
        loading: screen.loading && { startedAt: new Date(screen.loading.startedAt).toISOString(), until: new Date(screen.loading.until).toISOString() },
        readUpTo: screen.readUpTo && { messageId: screen.readUpTo.messageId, sentAt: new Date(screen.readUpTo.sentAt).toISOString() },
      };
    },
  },
  { method: "GET", path: "/__fake/bot", handle: ({ platform: p }) => ({ ...p.world.bot, pictureUrl: `${p.controlUrl}/images/bot.png` }) },
  { method: "GET", path: "/__fake/chats", handle: ({ platform: p }) => ({ chats: p.world.chats().map((c) => chatJson(p, c)) }) },
  {
    method: "GET",
    path: "/__fake/chats/:chatId",
    handle({ platform: p, params }) {
      const chat = p.world.chat(params.chatId ?? "");
      if (!chat) throw new ControlError(404, "No such chat");
      return chatJson(p, chat);
    },
  },
  {
    method: "GET",
    path: "/__fake/inbox/:chatId",
    handle({ platform: p, params, query }) {
      const chatId = params.chatId ?? "";
      if (!p.world.user(chatId) && !p.world.chat(chatId)) throw new ControlError(404, "No such user or chat");
      const kind = query.get("kind");
      const since = sinceParam(query);
      let entries = p.inboxes.get(chatId).filter((e) => (!kind || e.kind === kind) && (since === undefined || Date.parse(e.sentAt) >= since));
      const limit = intParam(query, "limit");
      if (limit !== undefined) entries = entries.slice(-limit);
      return { chatId, entries };
    },
  },
  {
    method: "DELETE",
    path: "/__fake/inbox",
    handle({ platform }) {
      platform.inboxes.clear();
      return { ok: true };
    },
  },
  {
    method: "GET",
    path: "/__fake/sends",
    handle({ platform: p, query }) {
      const kind = query.get("kind");
      let sends = p.sends.list().filter((s) => !kind || s.kind === kind);
      const limit = intParam(query, "limit");
      if (limit !== undefined) sends = sends.slice(-limit);
      return {
        sends: sends.map((s) => ({
          requestId: s.requestId,
          kind: s.kind,
          at: new Date(s.at).toISOString(),
          delivered: s.deliveredTo.length,
          notDelivered: s.notDelivered,
          messages: s.messages,
        })),
      };
    },
  },
  {
    method: "GET",
    path: "/__fake/sends/:requestId",
    handle({ platform: p, params }) {
      const s = p.sends.get(params.requestId ?? "");
      if (!s) throw new ControlError(404, "No send with this request id (narrowcasts appear once they start sending)");
      return {
        requestId: s.requestId,
        kind: s.kind,
        at: new Date(s.at).toISOString(),
        deliveredTo: s.deliveredTo,
        notDelivered: s.notDelivered,
        messages: s.messages,
      };
    },
  },
  {
    method: "GET",
    path: "/__fake/narrowcasts",
    handle({ platform: p }) {
      const now = p.clock.now();
      return { narrowcasts: p.narrowcasts.all().map((job) => ({ requestId: job.requestId, recipients: job.recipients, progress: progressBody(job, now) })) };
    },
  },
  { method: "POST", path: "/__fake/narrowcasts/finish", handle: ({ platform }) => ({ finished: platform.narrowcasts.finishAll() }) },
  {
    method: "POST",
    path: "/__fake/narrowcasts/fail-next",
    handle({ platform, body }) {
      const { errorCode } = parseBody(z.object({ errorCode: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]) }).strict(), body);
      platform.nextNarrowcastFailure = errorCode;
      return { ok: true, errorCode };
    },
  },
  { method: "GET", path: "/__fake/images/bot.png", handle: ({ platform: p }) => png(avatarPng(p.world.bot.userId)) },
  {
    method: "GET",
    path: "/__fake/images/profile/:file",
    handle({ platform: p, params }) {
      const id = (params.file ?? "").replace(/\.png$/, "");
      if (!p.world.user(id)?.hasPicture) throw new ControlError(404, "No picture");
      return png(avatarPng(id));
    },
  },
  {
    method: "GET",
    path: "/__fake/images/group/:file",
    handle({ platform: p, params }) {
      const id = (params.file ?? "").replace(/\.png$/, "");
      if (!p.world.chat(id)?.hasPicture) throw new ControlError(404, "No picture");
      return png(groupIconPng(id));
    },
  },
];

function png(bytes: Buffer) {
  return { status: 200, bytes, contentType: "image/png" };
}

/** Query filters: status, q (name), language, gender, appType, country, area, minAge, maxAge. */
function userFilters(query: URLSearchParams): ((u: User) => boolean)[] {
  const filters: ((u: User) => boolean)[] = [];
  const eq = (name: string, get: (u: User) => string | null) => {
    const v = query.get(name);
    if (v !== null && v !== "") filters.push((u) => (v === "unknown" ? get(u) === null : get(u) === v));
  };
  eq("status", (u) => u.status);
  eq("language", (u) => u.language);
  eq("gender", (u) => u.gender);
  eq("appType", (u) => u.appType);
  eq("area", (u) => u.areaCode);
  eq("country", (u) => (u.areaCode ? (areaByCode(u.areaCode)?.country ?? null) : null));
  const q = query.get("q")?.toLowerCase();
  if (q) filters.push((u) => u.displayName.toLowerCase().includes(q) || u.id.toLowerCase() === q);
  const minAge = intParam(query, "minAge");
  if (minAge !== undefined) filters.push((u) => u.age !== null && u.age >= minAge);
  const maxAge = intParam(query, "maxAge");
  if (maxAge !== undefined) filters.push((u) => u.age !== null && u.age <= maxAge);
  return filters;
}
