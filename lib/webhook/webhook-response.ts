/**
 * What LINE is told when its events could not be committed in time (or the database is not there at
 * all): 503, so it redelivers them — deduplicated on arrival.
 */
export function unavailableResponse(): Response {
  return webhookResponse({ message: "The event store is unavailable; please redeliver." }, 503);
}

/**
 * The webhook's JSON answer. LINE reads only the status. Next gzips every route handler's response of
 * unknown length (it drops Content-Length), and for a body of a few bytes that costs more CPU than
 * anything else it does for a delivery and makes the answer longer; the compression step honours
 * `no-transform`.
 */
export function webhookResponse(body: Record<string, unknown>, status: number): Response {
  const headers: Record<string, string> = { "cache-control": "no-store, no-transform" };
  // A body refused for its size was not read to its end: the connection closes after this answer
  // instead of reading (and throwing away) whatever else the sender streams to keep it open.
  if (status === 413) headers.connection = "close";
  return Response.json(body, { status, headers });
}
