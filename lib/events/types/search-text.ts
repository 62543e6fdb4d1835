// The searchable text of a webhook event: what an operator would type to find it (one of the concerns
// listed in ./columns.ts). Display summaries (localised, richer) are ./summary/; this is only for search.

type Json = Record<string, unknown>;

const textOf: Record<string, (event: Json) => Array<unknown>> = {
  message: (e) => messageText(obj(e.message)),
  messageEdited: (e) => messageText(obj(e.message)),
  postback: (e) => {
    const p = obj(e.postback);
    return [p.data, ...Object.values(obj(p.params))];
  },
  beacon: (e) => [obj(e.beacon).hwid, obj(e.beacon).dm],
  videoPlayComplete: (e) => [obj(e.videoPlayComplete).trackingId],
  delivery: (e) => [obj(e.delivery).data],
};

export function eventSearchText(event: Json): string | null {
  const pick = textOf[String(event.type)];
  if (!pick) return null;
  const parts = pick(event).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return parts.length ? parts.join(" ").replaceAll("\u0000", "") : null;
}

function messageText(m: Json): Array<unknown> {
  switch (m.type) {
    case "text":
      return [m.text];
    case "sticker":
      return [m.text, ...(Array.isArray(m.keywords) ? m.keywords : [])];
    case "location":
      return [m.title, m.address];
    case "file":
      return [m.fileName];
    default:
      return [];
  }
}

function obj(v: unknown): Json {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}
