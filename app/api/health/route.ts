export const dynamic = "force-dynamic";

/**
 * Liveness for supervisors and uptime checks: public, answers while the process answers, reads nothing
 * (a database that is down is readiness's to report, GET /api/health/ready: restarting the process
 * would not bring it back).
 */
export function GET(): Response {
  return Response.json({ ok: true });
}
