import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { authPolicy } from "../schema/auth";

export interface AuthPolicy {
  requireTwoFactor: boolean;
}

/** The console's sign-in rules (no row yet: nothing required). */
export async function getAuthPolicy(db: Db): Promise<AuthPolicy> {
  const [row] = await db.select({ requireTwoFactor: authPolicy.requireTwoFactor }).from(authPolicy).where(eq(authPolicy.id, 1));
  return row ?? { requireTwoFactor: false };
}

/** Change the rules; answers them before and after. */
export async function updateAuthPolicy(db: Db, params: { requireTwoFactor: boolean; at: Date }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ requireTwoFactor: authPolicy.requireTwoFactor }).from(authPolicy).where(eq(authPolicy.id, 1)).for("update");
    await tx
      .insert(authPolicy)
      .values({ id: 1, requireTwoFactor: params.requireTwoFactor, updatedAt: params.at })
      .onConflictDoUpdate({ target: authPolicy.id, set: { requireTwoFactor: params.requireTwoFactor, updatedAt: params.at } });
    return { before: before ?? { requireTwoFactor: false }, after: { requireTwoFactor: params.requireTwoFactor } };
  });
}
