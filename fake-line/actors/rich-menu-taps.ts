// A friend taps an area of the rich menu their phone shows, and LINE's app does what the area's action
// says: a postback area sends a postback event (its displayText appears in the chat but is not an event),
// a datetimepicker a postback with the picked `params`, a message area makes the friend send that text,
// a uri area opens the link (no event), and a richmenuswitch puts the alias's menu on the phone (not a
// link) and sends a postback with `params.newRichMenuAliasId` and `status`.
import type { Platform } from "../platform";
import type { RenderedEvent } from "../webhook/events";
import { ActionError, postback, requireUser, sendMessage } from "./user-actions";

export type TapResult = {
  action: Record<string, unknown>;
  event?: RenderedEvent;
  /** richmenuswitch: the menu the phone shows now (absent when the switch failed). */
  switchedTo?: string;
  /** richmenuswitch: LINE's status in the postback. */
  status?: string;
  /** uri: the link the phone opens. */
  uri?: string;
};

export function tapRichMenu(p: Platform, userId: string, areaIndex: number, params?: Record<string, string>): TapResult {
  const user = requireUser(p, userId);
  if (user.status !== "following") throw new ActionError(400, "Only a friend who has not blocked the account sees its rich menu");
  const { menu } = p.richMenus.shown(user.id);
  if (!menu) throw new ActionError(400, "No rich menu is shown to this friend");
  const area = menu.areas[areaIndex];
  if (!area) throw new ActionError(400, `The menu has ${menu.areas.length} area(s); there is no area ${areaIndex}`);
  p.richMenus.recordTap(menu.richMenuId, user.id, p.clock.now(), areaIndex);
  const action = area.action;
  const str = (key: string) => (typeof action[key] === "string" ? (action[key] as string) : "");
  switch (action.type) {
    case "postback":
      return { action, event: postback(p, user.id, { data: str("data") })[0] };
    case "datetimepicker":
      return { action, event: postback(p, user.id, { data: str("data"), params: params ?? pickedByDefault(p, str("mode"), str("initial")) })[0] };
    case "message":
      return { action, event: sendMessage(p, user.id, { type: "text", text: str("text") })[0] };
    case "uri":
      return { action, uri: str("uri") };
    case "richmenuswitch":
      return { action, ...switchMenu(p, user.id, str("richMenuAliasId"), str("data")) };
    default:
      return { action };
  }
}

function switchMenu(p: Platform, userId: string, aliasId: string, data: string): Omit<TapResult, "action"> {
  const result = p.richMenus.switchTo(userId, aliasId);
  const event = postback(p, userId, { data, params: { newRichMenuAliasId: aliasId, status: result.status } })[0];
  return { event, status: result.status, ...(result.menu ? { switchedTo: result.menu.richMenuId } : {}) };
}

/** What the picker shows first: the action's `initial`, else now (UTC+9), in the mode's format. */
function pickedByDefault(p: Platform, mode: string, initial: string): Record<string, string> {
  const now = new Date(p.clock.now() + 9 * 3600 * 1000).toISOString();
  const date = now.slice(0, 10);
  const time = now.slice(11, 16);
  if (mode === "date") return { date: initial || date };
  if (mode === "time") return { time: initial || time };
  return { datetime: initial || `${date}T${time}` };
}
