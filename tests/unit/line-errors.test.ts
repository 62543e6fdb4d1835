import { HTTPFetchError } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/platform/http/errors";
import { askLine, isHttpFetchError } from "@/lib/line/line-errors";

// The server's start-up code and its routes are bundled apart, so a client made at start-up throws another
// copy's HTTPFetchError: a route must still read LINE's status, not report LINE as unreachable.
class ForeignHttpFetchError extends Error {
  constructor(
    public status: number,
    public statusText: string,
    public headers: Headers,
    public body: string,
  ) {
    super(`${status} - ${statusText}`);
  }
}

describe("LINE's errors read by a route", () => {
  it("recognises LINE's answer from another copy of the SDK", async () => {
    const foreign = new ForeignHttpFetchError(404, "Not Found", new Headers(), JSON.stringify({ message: "no default richmenu" }));
    expect(foreign instanceof HTTPFetchError).toBe(false);
    expect(isHttpFetchError(foreign)).toBe(true);
    const err = await askLine(() => Promise.reject(foreign)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).not.toBe(502);
  });

  it("still reports LINE unreachable when no answer came", async () => {
    const err = await askLine(() => Promise.reject(new TypeError("fetch failed"))).catch((e: unknown) => e);
    expect((err as HttpError).status).toBe(502);
    expect(isHttpFetchError(new Error("boom"))).toBe(false);
  });
});
