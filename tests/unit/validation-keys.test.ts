import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodDetails } from "@/lib/platform/http/errors";
import { GENERIC_ISSUE_KEYS, issueKey } from "@/lib/utils/issue-key";
import { multicastBodySchema, pushBodySchema } from "@/lib/sends/send-schemas";
import { missingKeys } from "../helpers/catalogues";
import { parseSource, sourceFiles, stringLiterals } from "../helpers/source-scan";

// Every problem a schema (or a route) can report has a validation.* message in every language: the
// composer shows it as the operator types, and the API's 400 details carry the same key.

const text = [{ type: "text", text: "hello" }];
const user = `U${"a".repeat(32)}`;

describe("validation keys", () => {
  // custom("…", "validation.x") in the schemas, and `key: "validation.x"` in routes' own details.
  const custom = [...new Set(sourceFiles(["lib", "app"]).flatMap((f) => stringLiterals(parseSource(f)).filter((s) => /^validation\.[A-Za-z]+$/.test(s))))].map(
    (s) => s.slice("validation.".length),
  );

  it("finds the keys the schemas and routes use (the scan itself works)", () => {
    expect(custom).toEqual(expect.arrayContaining(["httpsUrl", "userId", "segmentId", "toOrSegment", "segmentNotFound", "segmentEmpty", "flexTooLarge"]));
  });

  it("every key issueKey can produce exists in every catalogue", () => {
    expect(missingKeys([...GENERIC_ISSUE_KEYS, ...custom].map((k) => `validation.${k}`))).toEqual({});
  });

  it("a multicast with neither user ids nor a segment, or with both, asks for one of the two", () => {
    for (const body of [{ messages: text }, { messages: text, to: [user], segmentId: crypto.randomUUID() }]) {
      expect(keysOf(multicastBodySchema.safeParse(body).error)).toEqual([{ path: "to", key: "toOrSegment" }]);
    }
    expect(multicastBodySchema.safeParse({ messages: text, segmentId: crypto.randomUUID() }).success).toBe(true);
  });

  it("a segment id that is not one is named as such", () => {
    expect(keysOf(multicastBodySchema.safeParse({ messages: text, segmentId: "vip" }).error)).toEqual([{ path: "segmentId", key: "segmentId" }]);
  });

  it("zod's own problems map to the generic keys, with their limits", () => {
    const error = pushBodySchema.safeParse({ to: user, messages: [{ type: "text", text: "x".repeat(5001) }], extra: 1 }).error!;
    expect(error.issues.map((i) => issueKey(i))).toEqual(expect.arrayContaining([{ key: "maxChars", values: { maximum: 5000 } }, { key: "unknownProperty" }]));
    expect(keysOf(pushBodySchema.safeParse({ messages: text }).error)).toEqual([{ path: "to", key: "required" }]);
  });

  it("the API's 400 details carry the key and its values beside the English message", () => {
    const error = pushBodySchema.safeParse({ to: user, messages: [{ type: "text", text: "x".repeat(5001) }] }).error!;
    expect(zodDetails(error)).toEqual([{ property: "messages[0].text", message: expect.any(String), key: "validation.maxChars", values: { maximum: 5000 } }]);
  });

  it("every generic key is one issueKey really returns", () => {
    const source = fs.readFileSync("lib/utils/issue-key.ts", "utf8");
    for (const key of GENERIC_ISSUE_KEYS) expect(source, key).toMatch(new RegExp(`key: [^,}]*"${key}"`));
  });
});

function keysOf(error: z.ZodError | undefined) {
  return (error?.issues ?? []).map((i) => ({ path: i.path.join("."), key: issueKey(i).key }));
}
