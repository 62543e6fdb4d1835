import { randomBytes } from "node:crypto";
import { expect, request, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";

export type Role = "viewer" | "operator" | "admin";

/**
 * Storage for a context that must start signed out. Contexts made inside a test inherit the project's
 * `use` options — the e2e admin's session included — unless told otherwise.
 */
export const SIGNED_OUT = { cookies: [], origins: [] };

export interface TestMember {
  name: string;
  email: string;
  password: string;
  role: Role;
  /** Signed in as this member (cookies), for API calls. */
  api: APIRequestContext;
  storageState: Awaited<ReturnType<APIRequestContext["storageState"]>>;
}

/**
 * A new member with `role`, made the way people join: the admin invites (`admin`: an API context
 * signed in as an admin), the invitee accepts and is signed in. Dispose `member.api` when done.
 */
export async function createMember(admin: APIRequestContext, role: Role, opts: { name?: string } = {}): Promise<TestMember> {
  const id = randomBytes(4).toString("hex");
  const email = `${role}-${id}@example.com`;
  const password = `tea-ceremony-${id}-42`;
  const name = opts.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${id}`;
  const invited = await admin.post("/api/invitations", { data: { email, role } });
  expect(invited.status(), await invited.text()).toBe(201);
  const link = new URL((await invited.json()).link as string);
  const api = await request.newContext({ baseURL: link.origin, storageState: SIGNED_OUT });
  const accepted = await api.post("/api/invitations/accept", { data: { token: link.pathname.split("/").pop(), name, password } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  return { name, email, password, role, api, storageState: await api.storageState() };
}

/** A browser context signed in as `member`, with the suite's usual locale, zone and window. */
export function browserAs(browser: Browser, member: Pick<TestMember, "storageState">, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ storageState: member.storageState, baseURL, locale: "en-US", timezoneId: "Asia/Taipei", viewport: { width: 1440, height: 900 } });
}

/** A push the API accepts (the recipient need not exist: LINE accepts and does not deliver). */
export function pushBody(text = "Spring sale 🌸") {
  return { to: `U${randomBytes(16).toString("hex")}`, messages: [{ type: "text", text }] };
}
