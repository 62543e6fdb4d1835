import { readiness } from "@/lib/runtime/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers and orchestrators: 200 when the database answers, its migrations are
 * applied and this instance's background work runs; 503 naming the checks that failed. Public, like
 * liveness: it says nothing but which check failed.
 */
export async function GET(): Promise<Response> {
  const answer = await readiness();
  return Response.json(answer, { status: answer.ok ? 200 : 503 });
}
