import { describe, expect, it } from "vitest";
import { initials } from "@/components/auth/member-avatar";
import { navItems, settingsItems, visibleTo } from "@/components/layout/nav-config";
import { roleAllows } from "@/lib/auth/roles";

describe("what each role sees", () => {
  const hrefs = (items: Array<{ href: string }>) => items.map((i) => i.href);

  it("hides composing from viewers (they still see the send history) and shows it to operators and admins", () => {
    expect(hrefs(visibleTo(navItems, "viewer"))).toContain("/messages");
    expect(hrefs(visibleTo(navItems, "viewer"))).not.toContain("/messages/new");
    expect(hrefs(visibleTo(navItems, "operator"))).toContain("/messages/new");
    expect(hrefs(visibleTo(navItems, "admin"))).toContain("/messages/new");
  });

  it("shows the simulator only in demo mode", () => {
    expect(hrefs(visibleTo(navItems, "admin"))).not.toContain("/simulator");
    expect(hrefs(visibleTo(navItems, "viewer", true))).toContain("/simulator");
  });

  it("gives a channel's admins its settings and audit log, console admins the channels, members and API keys; everyone reads relay", () => {
    expect(hrefs(visibleTo(settingsItems, "viewer"))).toEqual(["/settings/relay", "/settings/account", "/settings/sessions"]);
    expect(hrefs(visibleTo(settingsItems, "operator"))).toEqual(["/settings/relay", "/settings/account", "/settings/sessions"]);
    expect(hrefs(visibleTo(settingsItems, "admin"))).toEqual(["/settings", "/settings/relay", "/settings/audit", "/settings/account", "/settings/sessions"]);
    expect(hrefs(visibleTo(settingsItems, "admin", false, true))).toEqual([
      "/settings",
      "/settings/relay",
      "/settings/channels",
      "/settings/members",
      "/settings/api-keys",
      "/settings/audit",
      "/settings/account",
      "/settings/sessions",
    ]);
  });

  it("shows nobody anything role-limited before sign-in", () => {
    expect(visibleTo(navItems, null).every((i) => !i.role)).toBe(true);
  });

  it("ranks roles viewer < operator < admin", () => {
    expect(roleAllows("admin", "operator")).toBe(true);
    expect(roleAllows("operator", "admin")).toBe(false);
    expect(roleAllows("viewer", "viewer")).toBe(true);
  });
});

describe("initials", () => {
  it.each([
    ["Aiko Tanaka", "AT"],
    ["mei", "M"],
    ["王小明", "王"],
    ["田中 愛子", "田"],
    ["สมชาย ใจดี", "ส"],
    ["เอกชัย", "อ"],
    ["  ", "?"],
  ])("%s → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
