// npm run admin -- <command> [options]
//   create-api-key --name <name> --role viewer|operator|admin   prints a new API key (shown once)
//   create-admin --email <email> --password <password> [--name <name>]   first admin, when none exists
//   list-members
//   reset-password <email>   prints a one-time link (24 h) for the member to choose a new password: the
//                            way back in for an admin locked out (the only admin, who forgot their password)
//   disable-two-factor <email>   turns two-factor sign-in off for a member who lost their authenticator
//                                app and recovery codes (they sign in with the password alone, then set it up again)
// Works on the configured database (.env / environment). With embedded PGlite, stop the console first:
// one process at a time may open it.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createApiKey } from "../db/queries/api-keys";
import { findUserByEmail, listMembers, removeTwoFactor } from "../db/queries/users";
import { openDatabase } from "../db/client";
import { ROLES, type Role } from "../db/schema/auth";
import { recordAudit } from "@/lib/platform/audit";
import { createFirstAdmin } from "../lib/auth/accounts";
import { generateApiKey } from "../lib/auth/api-key-secret";
import { issuePasswordReset, RESET_LINK_HOURS } from "../lib/auth/password-resets";
import { setupBodySchema } from "../lib/auth/schemas";
import { EnvError, parseEnv } from "../lib/env.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { name: { type: "string" }, role: { type: "string" }, email: { type: "string" }, password: { type: "string" } },
});
const ADMIN_COMMAND = { kind: "system", name: "npm run admin" } as const;

try {
  const e = parseEnv(process.env);
  const handle = e.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL })
    : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
  try {
    await run(handle.db);
  } finally {
    await handle.close();
  }
} catch (err) {
  if (err instanceof EnvError) fail(err.message);
  fail((err as Error).message);
}

async function run(db: Awaited<ReturnType<typeof openDatabase>>["db"]) {
  switch (command) {
    case "create-api-key": {
      const name = values.name?.trim();
      const role = values.role as Role | undefined;
      if (!name) fail("--name is required");
      if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
      const { key, prefix, hash } = generateApiKey();
      await createApiKey(db, { id: randomUUID(), name: name!, role: role!, prefix, keyHash: hash, createdBy: null });
      await recordAudit(db, {
        actor: ADMIN_COMMAND,
        ip: null,
        action: "api_key.created",
        target: name!,
        details: { role, prefix },
      });
      console.log(key);
      return;
    }
    case "create-admin": {
      const parsed = setupBodySchema.safeParse({ name: values.name ?? values.email?.split("@")[0], email: values.email, password: values.password });
      if (!parsed.success) fail(parsed.error.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join("\n"));
      const admin = await createFirstAdmin(db, parsed.data!);
      await recordAudit(db, { actor: ADMIN_COMMAND, ip: null, action: "setup.admin_created", target: admin.email });
      console.log(`created admin ${admin.email}`);
      return;
    }
    case "reset-password": {
      const member = await memberByEmail(db, values.email ?? positionals[0]);
      if (member.disabled) fail(`${member.email} is disabled; a reset link would not work`);
      const reset = await issuePasswordReset(db, { userId: member.id, issuer: { id: null, label: "npm run admin" } });
      await recordAudit(db, {
        actor: ADMIN_COMMAND,
        ip: null,
        action: "member.password_reset_issued",
        target: member.email,
        details: { role: member.role, expiresAt: reset.expiresAt },
      });
      console.log(`A one-time link for ${member.email} to choose a new password (works once, for ${RESET_LINK_HOURS} hours):`);
      console.log(reset.link);
      if (member.twoFactorEnabled) console.log("They also have two-factor sign-in: they will need their app or a recovery code (see disable-two-factor).");
      return;
    }
    case "disable-two-factor": {
      const member = await memberByEmail(db, values.email ?? positionals[0]);
      if (!member.twoFactorEnabled) fail(`${member.email} does not have two-factor sign-in`);
      await removeTwoFactor(db, { userId: member.id });
      await recordAudit(db, { actor: ADMIN_COMMAND, ip: null, action: "member.two_factor_disabled", target: member.email });
      console.log(`two-factor sign-in is off for ${member.email}`);
      return;
    }
    case "list-members": {
      for (const m of await listMembers(db)) console.log(`${m.role.padEnd(8)} ${m.disabled ? "disabled " : ""}${m.email}  ${m.name}`);
      return;
    }
    default:
      fail(
        "usage: npm run admin -- create-api-key --name <name> --role viewer|operator|admin\n" +
          "       npm run admin -- create-admin --email <email> --password <password> [--name <name>]\n" +
          "       npm run admin -- list-members\n" +
          "       npm run admin -- reset-password <email>\n" +
          "       npm run admin -- disable-two-factor <email>",
      );
  }
}

async function memberByEmail(db: Awaited<ReturnType<typeof openDatabase>>["db"], email: string | undefined) {
  if (!email) fail("give the member's email address");
  const member = await findUserByEmail(db, { email: email! });
  if (!member) fail(`no member has the email address ${email}`);
  return member!;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
