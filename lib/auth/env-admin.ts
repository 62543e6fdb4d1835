import type { Db } from "@/db/client";
import { countUsers } from "@/db/queries/users";
import { recordAudit } from "@/lib/platform/audit";
import { env } from "@/lib/env.js";
import { createFirstAdmin } from "./accounts";
import { log } from "@/lib/platform/log";

/** Automated set-ups: with ADMIN_EMAIL and ADMIN_PASSWORD set, the first admin is created at start-up. */
export async function ensureEnvAdmin(db: Db) {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD || (await countUsers(db)) > 0) return;
  try {
    const admin = await createFirstAdmin(db, { name: ADMIN_EMAIL.split("@")[0]!, email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await recordAudit(db, { actor: { kind: "system", name: "ADMIN_EMAIL at start-up" }, ip: null, action: "setup.admin_created", target: admin.email });
    log().info({ scope: "auth", email: admin.email }, "created the first admin from ADMIN_EMAIL");
  } catch (err) {
    // Another instance starting at the same moment may have won the race; that is fine.
    if ((err as { code?: string }).code !== "already_set_up") throw err;
  }
}
