import { code, compact, num, obj, phrase, str, type EventSummary, type Json } from "./summary-types";

/** What a user did with the bot's UI: postback, beacon, videoPlayComplete, accountLink, membership. */
export const actionSummaries: Record<string, (e: Json) => EventSummary> = {
  postback: (e) => {
    const postback = obj(e.postback);
    const params = obj(postback.params);
    return { icon: "postback", parts: compact([str(postback.data) ? code(str(postback.data)!) : phrase("postbackNoData"), ...postbackParams(params)]) };
  },

  beacon: (e) => {
    const beacon = obj(e.beacon);
    const kind = ["enter", "banner", "stay"].includes(String(beacon.type)) ? String(beacon.type) : "other";
    return {
      icon: "beacon",
      parts: compact([phrase("beacon", { kind }), str(beacon.hwid) && code(str(beacon.hwid)!), str(beacon.dm) && phrase("beaconDm", { dm: str(beacon.dm)! })]),
    };
  },

  videoPlayComplete: (e) => ({
    icon: "video-complete",
    parts: compact([phrase("videoPlayComplete"), str(obj(e.videoPlayComplete).trackingId) && code(str(obj(e.videoPlayComplete).trackingId)!)]),
  }),

  accountLink: (e) =>
    obj(e.link).result === "ok" ? { icon: "link", parts: [phrase("accountLinkOk")] } : { icon: "link", parts: [phrase("accountLinkFailed")] },

  membership: (e) => {
    const m = obj(e.membership);
    const kind = ["joined", "left", "renewed"].includes(String(m.type)) ? String(m.type) : "other";
    const id = num(m.membershipId);
    return { icon: "membership", parts: compact([phrase("membership", { kind }), id !== undefined && code(`#${id}`)]) };
  },
};

// Date/time pickers send {date}, {time} or {datetime}; a rich-menu switch action sends {newRichMenuAliasId, status}.
function postbackParams(params: Json) {
  if ("status" in params || "newRichMenuAliasId" in params) {
    const status = str(params.status);
    return [
      phrase("richMenuSwitch", { alias: str(params.newRichMenuAliasId) ?? "—" }),
      status === "SUCCESS" ? phrase("richMenuSwitchOk") : status ? code(status) : undefined,
    ];
  }
  for (const key of ["datetime", "date", "time"] as const) {
    const value = str(params[key]);
    if (value) return [phrase("picked", { kind: key, value })];
  }
  return [];
}
