// Control API: the phone simulator's actions on the account's messages (display, tap a link, play a
// video or audio), counted in LINE's statistics at once; and the statistics before LINE hides the
// figures below 20, for tests and the console's own checks.
import { z } from "zod";
import { openMessages, playMedia, tapLink } from "../actors/message-actions";
import { DAY, endOfJstDay, jstMonth } from "../core/jst";
import { sourcesOf, tally } from "../domain/statistics";
import { ControlError, parseBody, type ControlRoute } from "./control-route";

export const engagementRoutes: ControlRoute[] = [
  {
    method: "POST",
    path: "/__fake/friends/:userId/open",
    handle({ platform, params, body }) {
      const { requestId } = parseBody(z.object({ requestId: z.string().min(1).optional() }).strict(), body);
      return openMessages(platform, params.userId ?? "", requestId);
    },
  },
  {
    method: "POST",
    path: "/__fake/friends/:userId/click",
    handle({ platform, params, body }) {
      const { messageId, url } = parseBody(z.object({ messageId: z.string().min(1), url: z.string().min(1).optional() }).strict(), body);
      return tapLink(platform, params.userId ?? "", messageId, url);
    },
  },
  {
    method: "POST",
    path: "/__fake/friends/:userId/play",
    handle({ platform, params, body }) {
      const input = parseBody(z.object({ messageId: z.string().min(1), percent: z.number().min(0).max(100).optional() }).strict(), body);
      return playMedia(platform, params.userId ?? "", input.messageId, input.percent ?? 100);
    },
  },
  {
    method: "GET",
    path: "/__fake/statistics/:requestId",
    handle({ platform: p, params }) {
      const send = p.trackedSends.get(params.requestId ?? "");
      if (!send) throw new ControlError(404, "No statistics for that request id (broadcast, narrowcast, or push/multicast with a unit)");
      return { requestId: send.record.requestId, kind: send.record.kind, unit: send.unit, ...tally([send], sourcesOf(p)) };
    },
  },
  {
    method: "GET",
    path: "/__fake/aggregation-units",
    handle: ({ platform: p }) => {
      const now = p.clock.now();
      return { month: jstMonth(now), limit: p.config.aggregationUnitLimit, names: p.aggregationUnits.names(now) };
    },
  },
  {
    method: "GET",
    path: "/__fake/aggregation-units/:unit/statistics",
    handle({ platform: p, params, query }) {
      const fromEnd = endOfJstDay(query.get("from") ?? "") ?? 0;
      const toEnd = endOfJstDay(query.get("to") ?? "") ?? Number.MAX_SAFE_INTEGER;
      const sends = p.trackedSends.ofUnit(params.unit ?? "").filter((s) => s.record.at > fromEnd - DAY && s.record.at <= toEnd);
      return { unit: params.unit, sends: sends.map((s) => s.record.requestId), ...tally(sends, sourcesOf(p)) };
    },
  },
];
