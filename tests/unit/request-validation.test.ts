import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listAuditQuerySchema } from "@/lib/auth/schemas";
import { decodeConversationCursor } from "@/lib/contacts/conversation";
import { decodeFriendCursor } from "@/lib/contacts/friend-cursor";
import { decodeCursor } from "@/lib/events/cursor";
import { listDeliveriesQuerySchema } from "@/lib/webhook/list-deliveries-schema";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody, parseSearchParams } from "@/lib/platform/http/parse";
import { API_MAX_NESTING, jsonNestingExceeds } from "@/lib/platform/http/json-nesting";
import { listEventsQuerySchema } from "@/lib/events/list-events-schema";
import { listSendsQuerySchema } from "@/lib/sends/list-sends-schema";

const b64 = (s: string) => Buffer.from(s).toString("base64url");
// The latest time a Date can hold (year 275760): 16 digits, as a cursor allows.
const FAR = "8640000000000000";

describe("tampered cursors are refused, never passed to the database", () => {
  it.each([
    ["events", () => eventCursorOf(b64(`${FAR}.1`))],
    ["deliveries", () => deliveryCursorOf(b64(`${FAR}.01ARZ3NDEKTSV4RRFFQ69G5FAV`))],
    ["sends", () => sendCursorOf(b64(`${FAR}.0e8d0c4a-1111-2222-3333-444455556666`))],
    ["audit", () => auditQuerySchemaCursor(b64(`${FAR}.1`))],
    ["friends", () => friendCursorOf(b64(JSON.stringify(["lastActive", "+275760-09-13T00:00:00.000Z", `U${"0".repeat(32)}`])))],
    ["friends, no time at all", () => friendCursorOf(b64(JSON.stringify(["lastActive", "yesterday", `U${"0".repeat(32)}`])))],
    ["conversation, year 0", () => conversationCursorOf(b64("0000-01-01T00:00:00.000Z|e|1"))],
    ["conversation, 30 February", () => conversationCursorOf(b64("2026-02-30T00:00:00.000Z|e|1"))],
    ["conversation, a send that is not a uuid", () => conversationCursorOf(b64("2026-02-01T00:00:00.000Z|s|abc"))],
  ])("%s", (_, decode) => {
    expect(decode()).toBeNull();
  });

  it("still reads the cursors the API hands out, a friend's time in the one form PostgreSQL surely reads", () => {
    expect(eventCursorOf(b64("1790000000000.42"))).toEqual({ timestamp: new Date(1790000000000), id: 42 });
    expect(friendCursorOf(b64(JSON.stringify(["lastActive", "2026-12-04T10:00:00.000Z", `U${"0".repeat(32)}`])))).toEqual({
      v: "2026-12-04T10:00:00.000Z",
      u: `U${"0".repeat(32)}`,
    });
    expect(conversationCursorOf(b64("2026-12-04T10:00:00.123456Z|e|7"))).toEqual({ at: "2026-12-04T10:00:00.123456Z", kind: "e", id: "7" });
    expect(friendCursorOf(b64(JSON.stringify(["lastActive", "Dec 4 2026 10:00 GMT+0900", `U${"0".repeat(32)}`])))).toEqual({
      v: "2026-12-04T01:00:00.000Z",
      u: `U${"0".repeat(32)}`,
    });
  });

  it("refuses dates in filters that PostgreSQL cannot hold", () => {
    expect(listEventsQuerySchema.safeParse({ from: "8640000000000000" }).success).toBe(false);
    expect(listEventsQuerySchema.safeParse({ from: "+200000-01-01T00:00:00Z" }).success).toBe(false);
    expect(listSendsQuerySchema.safeParse({ from: "+200000-01-01" }).success).toBe(false);
    expect(listEventsQuerySchema.safeParse({ from: "2026-12-04T00:00:00Z" }).success).toBe(true);
  });
});

describe("?channel= names the channel, whatever the route", () => {
  it("is no route's parameter, so a strict schema does not refuse it", () => {
    const req = new Request("http://console.test/api/events?limit=5&channel=599drjss");
    expect(parseSearchParams(listEventsQuerySchema, req)).toMatchObject({ limit: 5 });
  });
});

describe("NUL characters and deep nesting are refused with 400 before any handler", () => {
  it("in any query parameter", () => {
    expect(() => parseSearchParams(z.object({ q: z.string() }), new Request("http://console.test/api/events?q=%00"))).toThrow(
      expect.objectContaining({
        status: 400,
        code: "invalid_request",
        details: [expect.objectContaining({ property: "q", key: "validation.noNulCharacter" })],
      }),
    );
  });

  it("anywhere in a JSON body, naming where", async () => {
    const body = JSON.stringify({ name: "ok", messages: [{ text: "a\u0000b" }] });
    const err = await parseJsonBody(z.unknown(), new Request("http://console.test/api/x", { method: "POST", body })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, details: [{ property: "messages[0].text" }] });
  });

  it("a body nested deeper than any message the console sends", async () => {
    const deep = `{"a":${"[".repeat(50_000)}${"]".repeat(50_000)}}`;
    const err = await parseJsonBody(z.unknown(), new Request("http://console.test/api/x", { method: "POST", body: deep })).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: "json_too_deep" });
  });

  it("counts nesting outside strings only", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(jsonNestingExceeds(enc(`{"t":"${"[".repeat(1000)}\\"{"}`), 3)).toBe(false);
    expect(jsonNestingExceeds(enc(`${"[".repeat(API_MAX_NESTING)}${"]".repeat(API_MAX_NESTING)}`), API_MAX_NESTING)).toBe(false);
    expect(jsonNestingExceeds(enc(`${"[".repeat(API_MAX_NESTING + 1)}`), API_MAX_NESTING)).toBe(true);
    expect(jsonNestingExceeds(enc(`[[],[],[],{"a":[]}]`), 3)).toBe(false);
    expect(jsonNestingExceeds(enc(`[[],[],[],{"a":[]}]`), 2)).toBe(true);
  });
});

// Each list's cursor as its route reads it: null when the route answers 400.

const eventCursorOf = (s: string) => decodeCursor(s);
const friendCursorOf = (s: string) => decodeFriendCursor("lastActive", s);
const conversationCursorOf = (s: string) => decodeConversationCursor(s);
const deliveryCursorOf = (s: string) => orNull(listDeliveriesQuerySchema.safeParse({ cursor: s }));
const sendCursorOf = (s: string) => orNull(listSendsQuerySchema.safeParse({ cursor: s }));
const auditQuerySchemaCursor = (s: string) => orNull(listAuditQuerySchema.safeParse({ cursor: s }));

function orNull(r: { success: boolean; data?: { cursor?: unknown } }) {
  return r.success ? (r.data?.cursor ?? null) : null;
}
