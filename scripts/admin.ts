// npm run admin -- <command> [options]
//   create-api-key --name <name> --role viewer|operator|admin   prints a new API key (shown once)
//   create-admin --email <email> --password <password> [--name <name>]   first admin, when none exists
//   list-members
//   backup <file> [--url <console URL>]   a consistent backup of the embedded database, taken by the
//                                          running console (CONSOLE_API_KEY: an admin API key)
//   restore <file> [--data-dir <dir>]     unpack a backup into a new or empty data directory and check it
// The first three work on the configured database (.env / environment). With embedded PGlite, stop the
// console first: one process at a time may open it. backup asks the running console instead, which holds
// the database; restore writes a new directory, never the one in use.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createApiKey } from "../db/queries/api-keys";
import { listMembers } from "../db/queries/users";
import { openDatabase } from "../db/client";
import { ROLES, type Role } from "../db/schema/auth";
import { recordAudit } from "@/lib/platform/audit";
import { createFirstAdmin } from "../lib/auth/accounts";
import { generateApiKey } from "../lib/auth/api-key-secret";
import { setupBodySchema } from "../lib/auth/schemas";
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
        actor: { kind: "system", name: "npm run admin" },
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
      await recordAudit(db, { actor: { kind: "system", name: "npm run admin" }, ip: null, action: "setup.admin_created", target: admin.email });
      console.log(`created admin ${admin.email}`);
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
          "       npm run admin -- backup <file> [--url <console URL>]\n" +
          "       npm run admin -- restore <file> [--data-dir <dir>]",
      );
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
