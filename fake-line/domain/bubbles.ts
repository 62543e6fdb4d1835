// What a recipient can do with each message bubble of a send: open the links in it, play its video or
// audio. LINE's statistics number bubbles from 1 (`seq`) in the order of the request's `messages`.

export type Bubble = {
  seq: number;
  /** URLs a recipient can open: uri actions anywhere in the message, and links in text. */
  urls: string[];
  /** A video or audio message: LINE counts plays and how far they got (25/50/75/100 %). */
  media: boolean;
};

export function bubblesOf(messages: readonly Record<string, unknown>[]): Bubble[] {
  return messages.map((message, i) => ({ seq: i + 1, urls: urlsIn(message), media: message.type === "video" || message.type === "audio" }));
}

function urlsIn(message: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach((item) => walk(item, key));
    else if (v && typeof v === "object") for (const [k, inner] of Object.entries(v)) walk(inner, k);
    else if (typeof v !== "string") return;
    else if ((key === "uri" || key === "linkUri") && /^https?:/.test(v)) found.add(v);
    else if (key === "text") for (const m of v.matchAll(/https?:\/\/[^\s"]+/g)) found.add(m[0]);
  };
  walk(message, "");
  return [...found];
}
