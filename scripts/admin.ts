// npm run admin -- <command> [options]
//   create-api-key --name <name> --role viewer|operator|admin   prints a new API key (shown once)
//   create-admin --email <email> --password <password> [--name <name>]   first admin, when none exists
//   list-members
// Works on the configured database (.env / environment). With embedded PGlite, stop the console first:
// one process at a time may open it.
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
import { EnvError, parseEnv } from "../lib/env.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { name: { type: "string" }, role: { type: "string" }, email: { type: "string" }, password: { type: "string" } },
});

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
          "       npm run admin -- list-members",
      );
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
