import { sql } from "drizzle-orm";
import { getRuntime } from "@/lib/runtime/runtime";
import { env } from "@/lib/env.js";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and uptime checks: public, tells only whether the database answers. */
export async function GET(): Promise<Response> {
  const db = env().databaseKind;
  try {
    const runtime = await withTimeout(getRuntime(), 2000);
    await withTimeout(runtime.db.execute(sql`select 1`), 2000);
    return Response.json({ ok: true, db });
  } catch {
    return Response.json({ ok: false, db }, { status: 503 });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);
}
