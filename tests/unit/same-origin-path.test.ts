import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/lib/platform/http/same-origin-path";

describe("where sign-in sends you next", () => {
  it.each([
    ["/events?type=follow#top", "/events?type=follow#top"],
    ["/contacts/U0123", "/contacts/U0123"],
    ["/settings/../events", "/events"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("follows a path on this console: %j → %j", (target, expected) => {
    expect(sameOriginPath(target)).toBe(expected);
  });

  it.each([
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["/\\/evil.example"],
    ["\\\\evil.example"],
    [" /evil"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["///evil.example"],
    [""],
    [undefined],
    [["/events", "//evil.example"]],
  ])("never leaves it: %j → /", (target) => {
    expect(sameOriginPath(target)).toBe("/");
  });
});
