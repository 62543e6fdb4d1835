import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as auditRoute from "@/app/api/audit/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as eventsRoute from "@/app/api/events/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as passwordRoute from "@/app/api/me/password/route";
import * as meRoute from "@/app/api/me/route";
import * as confirmRoute from "@/app/api/me/two-factor/confirm/route";
import * as disableRoute from "@/app/api/me/two-factor/disable/route";
import * as recoveryCodesRoute from "@/app/api/me/two-factor/recovery-codes/route";
import * as twoFactorRoute from "@/app/api/me/two-factor/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as resetRoute from "@/app/api/members/[id]/password-reset/route";
import * as resetAcceptRoute from "@/app/api/password-resets/accept/route";
import * as securityRoute from "@/app/api/settings/security/route";
import * as setupRoute from "@/app/api/setup/route";
import { getRuntime } from "@/lib/runtime/runtime";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";
import { secretOf, totpCode, wrongCode } from "../helpers/totp";

const ADMIN = { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" };
const MEMBER_PASSWORD = "green-tea-latte-77";
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");
let ipCount = 0;
/** A fresh address per member and scenario, so one test's throttling never slows another. */
const nextIp = () => `198.51.100.${++ipCount}`;

beforeAll(async () => {
  cleanup = await useProcessDatabase();
  expect((await admin.call(setupRoute.POST, "POST", "/api/setup", { body: ADMIN })).status).toBe(201);
});
afterAll(() => cleanup());

function signIn(client: RouteClient, email: string, password: string) {
  return client.call(authRoute.POST, "POST", "/api/auth/sign-in/email", { body: { email, password } });
}

async function member(role: "viewer" | "operator" | "admin" = "operator") {
  const email = `${role}-${++ipCount}@example.com`;
  const invited = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email, role } });
  const token = new URL(invited.json.link as string).pathname.split("/").pop()!;
  const client = new RouteClient(nextIp());
  const res = await client.call(acceptRoute.POST, "POST", "/api/invitations/accept", { body: { token, name: email.split("@")[0], password: MEMBER_PASSWORD } });
  expect(res.status).toBe(201);
  const id = (await client.call(meRoute.GET, "GET", "/api/me")).json.id as string;
  return { client, email, id, password: MEMBER_PASSWORD };
}

/** Turn two-factor sign-in on for the client's member; answers the secret and the recovery codes. */
async function enableTwoFactor(client: RouteClient, password: string) {
  const started = await client.call(twoFactorRoute.POST, "POST", "/api/me/two-factor", { body: { password } });
  expect(started.status).toBe(200);
  const secret = secretOf(started.json.totpUri as string);
  const confirmed = await client.call(confirmRoute.POST, "POST", "/api/me/two-factor/confirm", { body: { code: totpCode(secret) } });
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: started.json.recoveryCodes as string[] };
}

async function auditEntries(action: string) {
  const res = await admin.call(auditRoute.GET, "GET", `/api/audit?limit=200&action=${action}`);
  return res.json.items as Array<{ action: string; actorLabel: string; target: string; details: Record<string, unknown>; ip: string }>;
}

describe("account security", () => {
  describe("changing your own password", () => {
    it("refuses a wrong current password with the reason, at the field", async () => {
      const m = await member();
      const res = await m.client.call(passwordRoute.POST, "POST", "/api/me/password", {
        body: { currentPassword: "not-my-password-1", newPassword: "a-much-better-passphrase" },
      });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: "wrong_password", details: [{ property: "currentPassword", key: "validation.wrongPassword" }] });
    });

    it.each([
      ["too short", "short-1", "must be at least 12 characters"],
      ["too repetitive", "aaaaaaaaaaaaaaab", "is too repetitive"],
      ["the same as now", MEMBER_PASSWORD, "must differ from the current password"],
    ])("refuses a new password that is %s, naming the rule", async (_, newPassword, message) => {
      const m = await member();
      const res = await m.client.call(passwordRoute.POST, "POST", "/api/me/password", { body: { currentPassword: m.password, newPassword } });
      expect(res.status).toBe(400);
      expect(res.json.details).toEqual([expect.objectContaining({ property: "newPassword", message })]);
    });

    it("changes it, ends every other session of the member, keeps this one and audits it", async () => {
      const m = await member();
      const laptop = new RouteClient(m.client.ip);
      expect((await signIn(laptop, m.email, m.password)).status).toBe(200);
      const res = await m.client.call(passwordRoute.POST, "POST", "/api/me/password", {
        body: { currentPassword: m.password, newPassword: "autumn-maple-leaves-93" },
      });
      expect(res.status).toBe(200);
      expect(res.json.sessionsEnded).toBe(1);
      expect((await m.client.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
      expect((await laptop.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
      expect((await signIn(new RouteClient(m.client.ip), m.email, m.password)).status).toBe(401);
      expect((await signIn(new RouteClient(m.client.ip), m.email, "autumn-maple-leaves-93")).status).toBe(200);
      const [entry] = (await auditEntries("member.password_changed")).filter((e) => e.target === m.email);
      expect(entry).toMatchObject({ actorLabel: expect.stringContaining(m.email), ip: m.client.ip, details: { sessionsEnded: 1 } });
    });

    it("is throttled like sign-in: wrong guesses slow down the next attempt, even a right one", async () => {
      const m = await member();
      for (let i = 0; i < 5; i++) {
        const res = await m.client.call(passwordRoute.POST, "POST", "/api/me/password", {
          body: { currentPassword: `guess-${i}-wrong`, newPassword: "x".repeat(12) + "abcde" },
        });
        expect(res.status).toBe(400);
      }
      const res = await m.client.call(passwordRoute.POST, "POST", "/api/me/password", {
        body: { currentPassword: m.password, newPassword: "winter-plum-blossom-5" },
      });
      expect(res.status).toBe(429);
      expect(res.json.code).toBe("too_many_attempts");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      // The same counters as the sign-in form: it is slowed down too.
      expect((await signIn(new RouteClient(m.client.ip), m.email, m.password)).status).toBe(429);
    });

    it("is for members: an API key has no password", async () => {
      const key = (await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "ci", role: "admin" } })).json.key as string;
      const res = await new RouteClient(nextIp(), key).call(passwordRoute.POST, "POST", "/api/me/password", {
        body: { currentPassword: "whatever-it-is", newPassword: "autumn-maple-leaves-93" },
      });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe("not_a_member");
    });

    it("cannot be done through better-auth's own endpoint, which has no throttle or audit", async () => {
      const m = await member();
      for (const path of [
        "/api/auth/change-password",
        "/api/auth/update-user",
        "/api/auth/revoke-sessions",
        "/api/auth/two-factor/enable",
        "/api/auth/two-factor/disable",
      ]) {
        const res = await m.client.call(authRoute.POST, "POST", path, {
          body: { currentPassword: m.password, newPassword: "autumn-maple-leaves-93", password: m.password },
        });
        expect(res.status, path).toBe(404);
      }
      expect((await signIn(new RouteClient(m.client.ip), m.email, m.password)).status).toBe(200);
    });
  });

  describe("reset links", () => {
    it("are issued by an admin once, stored only as a hash, and audited with who issued them", async () => {
      const m = await member();
      const res = await admin.call(resetRoute.POST, "POST", `/api/members/${m.id}/password-reset`, { params: { id: m.id } });
      expect(res.status).toBe(201);
      const link = new URL(res.json.link as string);
      expect(link.pathname).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{40,}$/);
      const token = link.pathname.split("/").pop()!;
      expect(new Date(res.json.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
      const { handle } = await getRuntime();
      const rows = (await handle.db.execute(sql`select * from password_resets where user_id = ${m.id}`)) as unknown as { rows: unknown[] };
      expect(rows.rows).toHaveLength(1);
      expect(JSON.stringify(rows.rows)).not.toContain(token);
      const [entry] = (await auditEntries("member.password_reset_issued")).filter((e) => e.target === m.email);
      expect(entry?.actorLabel).toBe(`${ADMIN.name} <${ADMIN.email}>`);
    });

    it("set a new password, end every session of the member, work once, and name the issuer when used", async () => {
      const m = await member();
      const token = await issueReset(m.id);
      const res = await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", {
        body: { token, password: "river-stones-and-moss-8" },
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ email: m.email });
      expect((await m.client.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
      expect((await signIn(new RouteClient(m.client.ip), m.email, m.password)).status).toBe(401);
      expect((await signIn(new RouteClient(m.client.ip), m.email, "river-stones-and-moss-8")).status).toBe(200);
      const again = await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", {
        body: { token, password: "another-try-of-mine-9" },
      });
      expect(again.status).toBe(404);
      expect(again.json.code).toBe("reset_link_invalid");
      const [entry] = (await auditEntries("member.password_reset")).filter((e) => e.target === m.email);
      expect(entry?.details.issuedBy).toBe(`${ADMIN.name} <${ADMIN.email}>`);
    });

    it("refuse a weak password at the field, and the link still works after", async () => {
      const m = await member();
      const token = await issueReset(m.id);
      const weak = await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", { body: { token, password: "short" } });
      expect(weak.status).toBe(400);
      expect(weak.json.details).toEqual([expect.objectContaining({ property: "password" })]);
      const ok = await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", {
        body: { token, password: "river-stones-and-moss-8" },
      });
      expect(ok.status).toBe(200);
    });

    it("stop working when expired, when a newer one is issued, or when the member changes the password", async () => {
      const m = await member();
      const expired = await issueReset(m.id);
      const { handle } = await getRuntime();
      await handle.db.execute(sql`update password_resets set expires_at = now() - interval '1 minute' where user_id = ${m.id}`);
      const older = await issueReset(m.id);
      const newer = await issueReset(m.id);
      for (const token of [expired, older, "made-up-token-that-is-long-enough", "short"]) {
        const res = await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", {
          body: { token, password: "river-stones-and-moss-8" },
        });
        expect(res.status, token).toBe(token === "short" ? 400 : 404);
      }
      await m.client.call(passwordRoute.POST, "POST", "/api/me/password", { body: { currentPassword: m.password, newPassword: "autumn-maple-leaves-93" } });
      const res = await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", {
        body: { token: newer, password: "river-stones-and-moss-8" },
      });
      expect(res.status).toBe(404);
    });

    it("are for admins to issue, never for themselves or for a disabled member", async () => {
      const operator = await member("operator");
      const viewer = await member("viewer");
      expect((await operator.client.call(resetRoute.POST, "POST", `/api/members/${viewer.id}/password-reset`, { params: { id: viewer.id } })).status).toBe(403);
      const adminId = (await admin.call(meRoute.GET, "GET", "/api/me")).json.id as string;
      const own = await admin.call(resetRoute.POST, "POST", `/api/members/${adminId}/password-reset`, { params: { id: adminId } });
      expect(own.status).toBe(409);
      expect(own.json.code).toBe("own_password");
      const missing = await admin.call(resetRoute.POST, "POST", "/api/members/nobody/password-reset", { params: { id: "nobody" } });
      expect(missing.status).toBe(404);
      await admin.call(memberRoute.PATCH, "PATCH", `/api/members/${viewer.id}`, { params: { id: viewer.id }, body: { disabled: true } });
      const disabled = await admin.call(resetRoute.POST, "POST", `/api/members/${viewer.id}/password-reset`, { params: { id: viewer.id } });
      expect(disabled.status).toBe(409);
      expect(disabled.json.code).toBe("member_disabled");
    });

    it("leave two-factor sign-in on: the link alone does not let whoever holds it in", async () => {
      const m = await member("admin");
      const { secret } = await enableTwoFactor(m.client, m.password);
      const token = await issueReset(m.id);
      await new RouteClient(nextIp()).call(resetAcceptRoute.POST, "POST", "/api/password-resets/accept", {
        body: { token, password: "river-stones-and-moss-8" },
      });
      const thief = new RouteClient(nextIp());
      const res = await signIn(thief, m.email, "river-stones-and-moss-8");
      expect(res.json).toMatchObject({ twoFactorRedirect: true });
      expect((await thief.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
      expect((await verify(thief, "totp", totpCode(secret))).status).toBe(200);
    });
  });

  describe("two-factor sign-in", () => {
    it("turns on with the password and a first code from the app, and shows recovery codes once", async () => {
      const m = await member();
      const wrongPassword = await m.client.call(twoFactorRoute.POST, "POST", "/api/me/two-factor", { body: { password: "not-my-password-1" } });
      expect(wrongPassword.status).toBe(400);
      expect(wrongPassword.json.code).toBe("wrong_password");
      const started = await m.client.call(twoFactorRoute.POST, "POST", "/api/me/two-factor", { body: { password: m.password } });
      expect(started.status).toBe(200);
      expect(started.json.totpUri).toMatch(/^otpauth:\/\/totp\/OA%20Console:.+\?secret=[A-Z2-7]+&issuer=OA\+Console&digits=6&period=30$/);
      expect(started.json.secret).toMatch(/^[A-Z2-7]{32,}$/);
      expect(started.json.recoveryCodes).toHaveLength(10);
      for (const code of started.json.recoveryCodes as string[]) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
      // Not on until a code confirms it: sign-in asks for no code yet.
      expect((await m.client.call(twoFactorRoute.GET, "GET", "/api/me/two-factor")).json).toMatchObject({ enabled: false });
      expect((await signIn(new RouteClient(m.client.ip), m.email, m.password)).json.twoFactorRedirect).toBeUndefined();
      const secret = secretOf(started.json.totpUri as string);
      const wrong = await m.client.call(confirmRoute.POST, "POST", "/api/me/two-factor/confirm", { body: { code: wrongCode(secret) } });
      expect(wrong.status).toBe(400);
      expect(wrong.json).toMatchObject({ code: "invalid_code", details: [{ property: "code" }] });
      const confirmed = await m.client.call(confirmRoute.POST, "POST", "/api/me/two-factor/confirm", { body: { code: totpCode(secret) } });
      expect(confirmed.status).toBe(200);
      // better-auth replaced the session; the client kept the new cookie and is still signed in.
      expect((await m.client.call(meRoute.GET, "GET", "/api/me")).json).toMatchObject({ twoFactorEnabled: true });
      expect((await m.client.call(twoFactorRoute.GET, "GET", "/api/me/two-factor")).json).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
      const { handle } = await getRuntime();
      const stored = JSON.stringify(((await handle.db.execute(sql`select * from two_factor where user_id = ${m.id}`)) as unknown as { rows: unknown[] }).rows);
      expect(stored).not.toContain(started.json.secret);
      expect(stored).not.toContain(started.json.recoveryCodes[0]);
      expect((await auditEntries("member.two_factor_enabled")).map((e) => e.target)).toContain(m.email);
    });

    it("asks for the code after the right password, and only then starts a session", async () => {
      const m = await member();
      const { secret } = await enableTwoFactor(m.client, m.password);
      const tab = new RouteClient(m.client.ip);
      const first = await signIn(tab, m.email, m.password);
      expect(first.status).toBe(200);
      expect(first.json).toEqual({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
      expect(tab.hasSession).toBe(false);
      expect((await tab.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
      const wrong = await verify(tab, "totp", wrongCode(secret));
      expect(wrong.status).toBe(401);
      expect(wrong.json.code).toBe("INVALID_CODE");
      const right = await verify(tab, "totp", totpCode(secret));
      expect(right.status).toBe(200);
      expect((await tab.call(meRoute.GET, "GET", "/api/me")).json).toMatchObject({ email: m.email });
    });

    it("answers a wrong password the same way for members with and without two-factor sign-in", async () => {
      const m = await member();
      await enableTwoFactor(m.client, m.password);
      const withCode = await signIn(new RouteClient(nextIp()), m.email, "not-the-password-1");
      const unknown = await signIn(new RouteClient(nextIp()), "nobody@example.com", "not-the-password-1");
      expect(withCode.status).toBe(401);
      expect(withCode.json).toEqual(unknown.json);
    });

    it("takes each recovery code once, and audits its use", async () => {
      const m = await member();
      const { recoveryCodes } = await enableTwoFactor(m.client, m.password);
      const tab = new RouteClient(m.client.ip);
      await signIn(tab, m.email, m.password);
      expect((await verify(tab, "backup-code", recoveryCodes[0]!)).status).toBe(200);
      expect((await tab.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
      const again = new RouteClient(m.client.ip);
      await signIn(again, m.email, m.password);
      const reused = await verify(again, "backup-code", recoveryCodes[0]!);
      expect(reused.status).toBe(401);
      expect(reused.json.code).toBe("INVALID_BACKUP_CODE");
      // As typed from paper: another case, a space for the hyphen.
      expect((await verify(again, "backup-code", recoveryCodes[1]!.toUpperCase().replace("-", " "))).status).toBe(200);
      expect((await m.client.call(twoFactorRoute.GET, "GET", "/api/me/two-factor")).json.recoveryCodesLeft).toBe(8);
      expect((await auditEntries("member.recovery_code_used")).filter((e) => e.target === m.email)).toHaveLength(2);
    });

    it("throttles the code step like the password: wrong codes slow down the next sign-in", async () => {
      const m = await member();
      const { secret } = await enableTwoFactor(m.client, m.password);
      const guesser = new RouteClient(nextIp());
      await signIn(guesser, m.email, m.password);
      for (let i = 0; i < 5; i++) expect((await verify(guesser, "totp", wrongCode(secret))).status).toBe(401);
      const res = await signIn(guesser, m.email, m.password);
      expect(res.status).toBe(429);
      expect(res.json.code).toBe("TOO_MANY_ATTEMPTS");
    });

    it("ignores a request to trust this device: every sign-in asks for the code", async () => {
      const m = await member();
      const { secret } = await enableTwoFactor(m.client, m.password);
      const tab = new RouteClient(m.client.ip);
      await signIn(tab, m.email, m.password);
      const res = await tab.call(authRoute.POST, "POST", "/api/auth/two-factor/verify-totp", { body: { code: totpCode(secret), trustDevice: true } });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().some((c) => c.includes("trust_device=") && !/max-age=0/i.test(c))).toBe(false);
      expect((await signIn(tab, m.email, m.password)).json.twoFactorRedirect).toBe(true);
    });

    it("gives new recovery codes for the password, and the old ones stop working", async () => {
      const m = await member();
      const { recoveryCodes } = await enableTwoFactor(m.client, m.password);
      expect(
        (await m.client.call(recoveryCodesRoute.POST, "POST", "/api/me/two-factor/recovery-codes", { body: { password: "wrong-password-1" } })).status,
      ).toBe(400);
      const res = await m.client.call(recoveryCodesRoute.POST, "POST", "/api/me/two-factor/recovery-codes", { body: { password: m.password } });
      expect(res.status).toBe(200);
      expect(res.json.recoveryCodes).toHaveLength(10);
      const tab = new RouteClient(m.client.ip);
      await signIn(tab, m.email, m.password);
      expect((await verify(tab, "backup-code", recoveryCodes[2]!)).status).toBe(401);
      expect((await verify(tab, "backup-code", res.json.recoveryCodes[0] as string)).status).toBe(200);
    });

    it("turns off with the password", async () => {
      const m = await member();
      await enableTwoFactor(m.client, m.password);
      const wrong = await m.client.call(disableRoute.POST, "POST", "/api/me/two-factor/disable", { body: { password: "not-my-password-1" } });
      expect(wrong.status).toBe(400);
      const res = await m.client.call(disableRoute.POST, "POST", "/api/me/two-factor/disable", { body: { password: m.password } });
      expect(res.status).toBe(200);
      expect((await m.client.call(meRoute.GET, "GET", "/api/me")).json.twoFactorEnabled).toBe(false);
      const tab = new RouteClient(m.client.ip);
      expect((await signIn(tab, m.email, m.password)).json.twoFactorRedirect).toBeUndefined();
      expect(tab.hasSession).toBe(true);
      expect((await auditEntries("member.two_factor_disabled")).map((e) => e.target)).toContain(m.email);
    });
  });

  describe("requiring two-factor sign-in of everyone", () => {
    it("is refused to an admin who does not have it yet", async () => {
      const res = await admin.call(securityRoute.PATCH, "PATCH", "/api/settings/security", { body: { requireTwoFactor: true } });
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("own_two_factor_missing");
    });

    it("sends members without it to set it up before anything else, leaves API keys alone, and is audited", async () => {
      const m = await member("operator");
      const key = (await admin.call(apiKeysRoute.POST, "POST", "/api/api-keys", { body: { name: "nightly", role: "viewer" } })).json.key as string;
      await enableTwoFactor(admin, ADMIN.password);
      const on = await admin.call(securityRoute.PATCH, "PATCH", "/api/settings/security", { body: { requireTwoFactor: true } });
      expect(on.status).toBe(200);
      expect((await admin.call(securityRoute.GET, "GET", "/api/settings/security")).json).toEqual({ requireTwoFactor: true });
      try {
        const refused = await m.client.call(eventsRoute.GET, "GET", "/api/events");
        expect(refused.status).toBe(403);
        expect(refused.json.code).toBe("two_factor_setup_required");
        expect((await m.client.call(meRoute.GET, "GET", "/api/me")).json).toMatchObject({ mustSetUpTwoFactor: true });
        expect((await m.client.call(twoFactorRoute.GET, "GET", "/api/me/two-factor")).json).toMatchObject({ enabled: false, required: true });
        expect((await new RouteClient(nextIp(), key).call(eventsRoute.GET, "GET", "/api/events")).status).toBe(200);
        expect((await admin.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(200);
        await enableTwoFactor(m.client, m.password);
        expect((await m.client.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(200);
        const [entry] = await auditEntries("settings.two_factor_requirement_changed");
        expect(entry).toMatchObject({ actorLabel: `${ADMIN.name} <${ADMIN.email}>`, details: { requireTwoFactor: true } });
      } finally {
        expect((await admin.call(securityRoute.PATCH, "PATCH", "/api/settings/security", { body: { requireTwoFactor: false } })).status).toBe(200);
      }
      const later = await member("viewer");
      expect((await later.client.call(eventsRoute.GET, "GET", "/api/events")).status).toBe(200);
    });
  });
});

async function issueReset(id: string) {
  const res = await admin.call(resetRoute.POST, "POST", `/api/members/${id}/password-reset`, { params: { id } });
  expect(res.status).toBe(201);
  return new URL(res.json.link as string).pathname.split("/").pop()!;
}

function verify(client: RouteClient, kind: "totp" | "backup-code", code: string) {
  return client.call(authRoute.POST, "POST", `/api/auth/two-factor/verify-${kind}`, { body: { code } });
}
