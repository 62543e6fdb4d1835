import { env } from "@/lib/env.js";

/** How many days each kind of data is kept; 0 keeps it for good. From the RETAIN_* variables (.env.example). */
export interface RetentionPolicy {
  /** The raw body of an accepted delivery (the delivery's row and its events stay). */
  deliveryBodiesDays: number;
  /** Refused deliveries (bad signature, not JSON, …) and their timings; the newest 1,000 are kept regardless. */
  rejectedDeliveriesDays: number;
  /** Events, with the deliveries they came in and those deliveries' timings. */
  eventsDays: number;
  /** Relay's finished forwards and their attempts. */
  relayLogDays: number;
  /** The bytes of fetched media (images, video, audio, files). */
  mediaDays: number;
}

export type RetainedKind = "relayLog" | "rejectedDeliveries" | "media" | "events" | "eventlessDeliveries" | "deliveryBodies";

export function retentionPolicyFromEnv(): RetentionPolicy {
  const e = env();
  return {
    deliveryBodiesDays: e.RETAIN_DELIVERY_BODIES_DAYS,
    rejectedDeliveriesDays: e.RETAIN_REJECTED_DELIVERIES_DAYS,
    eventsDays: e.RETAIN_EVENTS_DAYS,
    relayLogDays: e.RETAIN_RELAY_LOG_DAYS,
    mediaDays: e.RETAIN_MEDIA_DAYS,
  };
}

/**
 * What is purged of each kind at `now`: rows older than the cutoff, in this order. Nothing outlives
 * the events it belongs to: a message's media and a delivery's body go with the events at the latest
 * (a body with its delivery, once the delivery's events are gone).
 */
export function retentionCutoffs(policy: RetentionPolicy, now: Date): Array<{ kind: RetainedKind; before: Date }> {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const capped = (days: number) => (policy.eventsDays > 0 && (days === 0 || days > policy.eventsDays) ? policy.eventsDays : days);
  const steps: Array<{ kind: RetainedKind; days: number }> = [
    { kind: "relayLog", days: policy.relayLogDays },
    { kind: "rejectedDeliveries", days: policy.rejectedDeliveriesDays },
    { kind: "media", days: capped(policy.mediaDays) },
    { kind: "events", days: policy.eventsDays },
    // After the events: the deliveries they leave empty.
    { kind: "eventlessDeliveries", days: policy.eventsDays },
    // Kept as long as the events or longer, a body goes with its delivery (eventlessDeliveries) anyway.
    {
      kind: "deliveryBodies",
      days: policy.eventsDays > 0 && (policy.deliveryBodiesDays === 0 || policy.deliveryBodiesDays >= policy.eventsDays) ? 0 : policy.deliveryBodiesDays,
    },
  ];
  return steps.filter((s) => s.days > 0).map((s) => ({ kind: s.kind, before: before(s.days) }));
}
