import { sql } from "drizzle-orm";
import type { Db } from "../client";

// Every column that holds a sealed secret (lib/platform/secret-box.ts), for the key rotation. A new one
// is added here, or the rotation leaves it on the old key.
const SEALED_COLUMNS = [
  { table: "channels", column: "secret_sealed" },
  { table: "channels", column: "access_token_sealed" },
  { table: "relay_destinations", column: "secret_ciphertext" },
  { table: "relay_replays", column: "secret_ciphertext" },
] as const;

/**
 * Seal every sealed value again with `reseal` (which answers null for one already on the current key),
 * each column's rows in one transaction: a value is never half rotated. Answers how many changed.
 */
export async function resealAll(db: Db, reseal: (sealed: string) => string | null): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const { table, column } of SEALED_COLUMNS) {
    changed[`${table}.${column}`] = await db.transaction(async (tx) => {
      const result = await tx.execute(
        sql`select id, ${sql.identifier(column)} as sealed from ${sql.identifier(table)} where ${sql.identifier(column)} is not null for update`,
      );
      let n = 0;
      for (const row of (result as unknown as { rows: Array<{ id: number; sealed: string }> }).rows) {
        const next = reseal(row.sealed);
        if (next === null) continue;
        await tx.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${next} where id = ${row.id}`);
        n++;
      }
      return n;
    });
  }
  return changed;
}
