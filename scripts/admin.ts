// npm run admin -- <command> [options]
//   create-api-key --name <name> --role viewer|operator|admin   prints a new API key for every channel (shown once)
//   create-admin --email <email> --password <password> [--name <name>]   first admin, when none exists
//   list-members
//   rotate-secrets   seal every stored secret and token again with SECRETS_KEY (the old key in SECRETS_KEY_PREVIOUS)
//   reset-password <email>   prints a one-time link (24 h) for the member to choose a new password: the
//                            way back in for an admin locked out (the only admin, who forgot their password)
//   disable-two-factor <email>   turns two-factor sign-in off for a member who lost their authenticator
//                                app and recovery codes (they sign in with the password alone, then set it up again)
//   backup <file> [--url <console URL>]   a consistent backup of the embedded database, taken by the
//                                          running console (CONSOLE_API_KEY: an admin API key)
//   restore <file> [--data-dir <dir>]     unpack a backup into a new or empty data directory and check it
// The others work on the configured database (.env / environment). With embedded PGlite, stop the console
// first: one process at a time may open it. backup asks the running console instead, which holds the
// database; restore writes a new directory, never the one in use.
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
import { resealAll } from "../db/queries/sealed";
import { openSecret, sealedWithCurrentKey, sealSecret } from "../lib/platform/secret-box";
import { downloadBackup } from "../lib/backup/download";
import { restoreBackup } from "../lib/backup/restore";
import { EnvError, parseEnv, type Env } from "../lib/env.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    name: { type: "string" },
    role: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    url: { type: "string" },
    "data-dir": { type: "string" },
  },
});
const ADMIN_COMMAND = { kind: "system", name: "npm run admin" } as const;

try {
  const e = parseEnv(process.env);
  if (command === "backup") await backup(e);
  else if (command === "restore") await restore(e);
  else await withDatabase(e);
} catch (err) {
  if (err instanceof EnvError) fail(err.message);
  fail((err as Error).message);
}

async function withDatabase(e: Env) {
  const handle = e.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL })
    : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
  try {
    await run(handle.db);
  } finally {
    await handle.close();
  }
}

async function backup(e: Env) {
  const file = positionals[0];
  if (!file) fail("usage: npm run admin -- backup <file> [--url <console URL>]");
  if (e.DATABASE_URL) fail("This console uses PostgreSQL (DATABASE_URL): back it up with pg_dump, as the README shows.");
  if (!e.CONSOLE_API_KEY) fail("Set CONSOLE_API_KEY to an API key with the admin role (Settings → API keys): the running console takes the backup.");
  const url = values.url ?? `http://127.0.0.1:${e.PORT}`;
  const started = performance.now();
  const { bytes, manifest } = await downloadBackup({ url, apiKey: e.CONSOLE_API_KEY!, file: file! });
  console.log(
    `Backup written to ${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${manifest.files} files, in ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
      `It is the database as it was at ${manifest.finishedAt} (WAL ${manifest.stopLsn}). Restore it with: npm run admin -- restore ${file} --data-dir <new dir>`,
  );
}

async function restore(e: Env) {
  const file = positionals[0];
  if (!file) fail("usage: npm run admin -- restore <file> [--data-dir <dir>]");
  const dataDir = values["data-dir"] ?? e.PGLITE_DATA_DIR;
  const restored = await restoreBackup({ file: file!, dataDir });
  const s = restored.summary;
  console.log(
    `Restored ${file} into ${dataDir} (${restored.files} files, ${(restored.bytes / 1024 / 1024).toFixed(1)} MB), taken at ${restored.manifest.finishedAt}.\n` +
      `It opens and holds ${s.events} events (newest ${s.newestEventAt?.toISOString() ?? "none"}), ${s.deliveries} deliveries, ${s.friends} friends, ` +
      `${s.sends} sends, ${s.members} members; ${s.migrations} migrations applied (the console applies newer ones when it starts).\n` +
      `Start the console on it with PGLITE_DATA_DIR=${dataDir}.`,
  );
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
    case "rotate-secrets": {
      // SECRETS_KEY is the new key and SECRETS_KEY_PREVIOUS the old one: every sealed value is opened
      // with whichever sealed it and sealed again with the new one. Run it once the console is on the new key.
      const changed = await resealAll(db, (sealed) => (sealedWithCurrentKey(sealed) ? null : sealSecret(openSecret(sealed))));
      const total = Object.values(changed).reduce((a, b) => a + b, 0);
      await recordAudit(db, { actor: ADMIN_COMMAND, ip: null, action: "secrets.rotated", details: changed });
      console.log(
        `sealed again with the current key: ${total} value${total === 1 ? "" : "s"} (${Object.entries(changed)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")})`,
      );
      console.log("SECRETS_KEY_PREVIOUS can be removed once every instance runs with the new SECRETS_KEY.");
      return;
    }
    case "list-members": {
      for (const m of await listMembers(db)) console.log(`${m.role.padEnd(8)} ${m.disabled ? "disabled " : ""}${m.email}  ${m.name}`);
      return;
    }
    default:
      fail(
        "usage: npm run admin -- create-api-key --name <name> --role viewer|operator|admin   (a key for every channel)\n" +
          "       npm run admin -- create-admin --email <email> --password <password> [--name <name>]\n" +
          "       npm run admin -- list-members\n" +
          "       npm run admin -- rotate-secrets   (after moving the old SECRETS_KEY to SECRETS_KEY_PREVIOUS)\n" +
          "       npm run admin -- reset-password <email>\n" +
          "       npm run admin -- disable-two-factor <email>\n" +
          "       npm run admin -- backup <file> [--url <console URL>]\n" +
          "       npm run admin -- restore <file> [--data-dir <dir>]",
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
