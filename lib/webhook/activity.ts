// When this process last took a delivery from LINE. Background work (projections, jobs) steps back
// while deliveries keep arriving: LINE waits for the acknowledgements, nobody waits for a friend's
// profile. On globalThis because the route and the background runner can be separate module instances
// in Next's bundles.
const g = globalThis as typeof globalThis & { __oaWebhookSeenAt?: number };

export function noteWebhookDelivery() {
  g.__oaWebhookSeenAt = performance.now();
}

/** Whether a delivery arrived within the last `withinMs`. */
export function webhookActive(withinMs = 250): boolean {
  return g.__oaWebhookSeenAt !== undefined && performance.now() - g.__oaWebhookSeenAt < withinMs;
}
