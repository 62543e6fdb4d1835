import { z } from "zod";
import { storableDate } from "@/lib/utils/storable-date";

// A keyset cursor over (time, id): what a list hands back as `nextCursor` and takes as `?cursor=`.
// Opaque to callers (base64url of `<ms>.<id>`); anything else is a 400 naming the parameter.

/** `?cursor=` of a list whose ids match `idPattern` (without anchors). */
export function timeIdCursorSchema(idPattern: string) {
  const shape = new RegExp(`^(\\d{1,16})\\.(${idPattern})$`);
  return z.string().transform((s, ctx) => {
    const m = shape.exec(Buffer.from(s, "base64url").toString("utf8"));
    const at = m ? storableDate(Number(m[1])) : null;
    if (!m || !at) {
      ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
      return z.NEVER;
    }
    return { at, id: m[2]! };
  });
}

export function encodeTimeIdCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}.${id}`).toString("base64url");
}
