import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { lookupPasswordReset } from "@/lib/auth/password-resets";

// The operator's way back in when the only admin is locked out: `npm run admin -- reset-password`, run
// as an operator runs it (its own process, on the configured database), while the console is stopped.

const run = promisify(execFile);
const ADMIN = { email: "only-admin@example.com", password: "plum-blossom-42-tea" };
let dir: string;
let env: NodeJS.ProcessEnv;

function admin(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], { env, timeout: 60_000 });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "oa-admin-command-"));
  // PGlite only: the command opens the data directory itself (no database server to share).
  env = { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: path.join(dir, "pglite"), APP_URL: "https://console.example" };
  await admin("create-admin", "--email", ADMIN.email, "--password", ADMIN.password);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run admin -- reset-password", () => {
  it("prints a one-time link for the member, keeps only its hash, and audits who issued it", async () => {
    const { stdout } = await admin("reset-password", ADMIN.email);
    const link = /https:\/\/console\.example\/reset-password\/([A-Za-z0-9_-]{40,})/.exec(stdout);
    expect(link, stdout).not.toBeNull();
    const handle = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
    try {
      expect(await lookupPasswordReset(handle.db, { token: link![1]! })).toMatchObject({ email: ADMIN.email });
      const rows = (await handle.db.execute(sql`select token_hash, created_by_label from password_resets`)) as unknown as {
        rows: Array<{ token_hash: string; created_by_label: string }>;
      };
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]!.token_hash).not.toBe(link![1]);
      expect(rows.rows[0]!.created_by_label).toBe("npm run admin");
      const audit = (await handle.db.execute(
        sql`select actor_label, action, target from audit_log where action = 'member.password_reset_issued'`,
      )) as unknown as {
        rows: unknown[];
      };
      expect(audit.rows).toEqual([{ actor_label: "npm run admin", action: "member.password_reset_issued", target: ADMIN.email }]);
    } finally {
      await handle.close();
    }
  }, 60_000);

  it("refuses an address no member has", async () => {
    await expect(admin("reset-password", "nobody@example.com")).rejects.toMatchObject({ stderr: expect.stringContaining("no member has the email address") });
  }, 60_000);
});
