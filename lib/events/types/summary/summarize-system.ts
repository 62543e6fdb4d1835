import { code, compact, num, obj, phrase, str, type EventSummary, type Json } from "./summary-types";

/** Module channels and LINE's own notices: module, activated, deactivated, botSuspended, botResumed, delivery. */
export const systemSummaries: Record<string, (e: Json) => EventSummary> = {
  module: (e) => {
    const m = obj(e.module);
    if (m.type === "attached") {
      const scopes = Array.isArray(m.scopes) ? m.scopes.filter((s): s is string => typeof s === "string") : [];
      return { icon: "module", parts: compact([phrase("moduleAttached"), scopes.length > 0 && { kind: "tags", items: scopes }]) };
    }
    if (m.type === "detached") {
      return { icon: "module", parts: compact([phrase("moduleDetached"), str(m.reason) && code(str(m.reason)!)]) };
    }
    return { icon: "module", parts: [phrase("moduleOther", { type: str(m.type) ?? "?" })] };
  },
  activated: (e) => {
    const expireAt = num(obj(e.chatControl).expireAt);
    return { icon: "power", parts: compact([phrase("activated"), expireAt !== undefined && { kind: "time", at: expireAt, key: "until" }]) };
  },
  deactivated: () => ({ icon: "power", parts: [phrase("deactivated")] }),
  botSuspended: () => ({ icon: "pause", parts: [phrase("botSuspended")] }),
  botResumed: () => ({ icon: "play", parts: [phrase("botResumed")] }),
  delivery: (e) => ({ icon: "delivery", parts: compact([phrase("delivery"), str(obj(e.delivery).data) && code(str(obj(e.delivery).data)!)]) }),
};
