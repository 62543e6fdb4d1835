/**
 * The webhook's JSON answer. LINE reads only the status. Next gzips every route handler's response of
 * unknown length (it drops Content-Length), and for a body of a few bytes that costs more CPU than
 * anything else it does for a delivery and makes the answer longer; the compression step honours
 * `no-transform`.
 */
export function webhookResponse(body: Record<string, unknown>, status: number): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } });
}
