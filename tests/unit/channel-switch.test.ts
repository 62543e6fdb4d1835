import { describe, expect, it } from "vitest";
import { switchTarget } from "@/components/layout/channel-switch";

describe("where switching channels lands", () => {
  const member = { consoleAdmin: false, demo: false };

  it("opens the same list page on the other channel", () => {
    expect(switchTarget("/events", { role: "viewer" }, member)).toBe("/events");
    expect(switchTarget("/contacts", { role: "operator" }, member)).toBe("/contacts");
    expect(switchTarget("/", { role: "viewer" }, member)).toBe("/");
  });

  it("goes from one record to its list: an id belongs to one channel", () => {
    expect(switchTarget("/events/123", { role: "viewer" }, member)).toBe("/events");
    expect(switchTarget(`/contacts/U${"a".repeat(32)}`, { role: "viewer" }, member)).toBe("/contacts");
    expect(switchTarget("/messages/42", { role: "viewer" }, member)).toBe("/messages");
    expect(switchTarget("/settings/relay/7", { role: "viewer" }, member)).toBe("/settings/relay");
  });

  it("keeps a settings tab, and composing, when the role there allows them", () => {
    expect(switchTarget("/settings/audit", { role: "admin" }, member)).toBe("/settings/audit");
    expect(switchTarget("/settings/account", { role: "viewer" }, member)).toBe("/settings/account");
    expect(switchTarget("/messages/new", { role: "operator" }, member)).toBe("/messages/new");
    expect(switchTarget("/settings/members", { role: "admin" }, { consoleAdmin: true, demo: false })).toBe("/settings/members");
  });

  it("lands on the overview when the role there does not open the page", () => {
    expect(switchTarget("/settings", { role: "operator" }, member)).toBe("/");
    expect(switchTarget("/settings/audit", { role: "viewer" }, member)).toBe("/");
    expect(switchTarget("/messages/new", { role: "viewer" }, member)).toBe("/");
    expect(switchTarget("/simulator", { role: "admin" }, member)).toBe("/");
    expect(switchTarget("/no-such-page", { role: "admin" }, member)).toBe("/");
  });
});
