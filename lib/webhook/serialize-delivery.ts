import type { getDelivery, listDeliveries } from "@/db/queries/webhook";

type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];
type DeliveryDetail = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;

export function serializeDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    signature: row.signature,
    reason: row.reason,
    reasonDetail: row.reasonDetail,
    destination: row.destination,
    eventCount: row.eventCount,
    isVerify: row.isVerify,
    bodyBytes: row.bodyBytes,
    userAgent: row.userAgent,
  };
}

/** A delivery with the events first stored from it (no body: that is for the delivery's own page). */
export function serializeDeliverySummary(row: DeliveryDetail) {
  return {
    ...serializeDelivery(row),
    events: row.storedEvents.map((e) => ({
      id: String(e.id),
      type: e.type,
      timestamp: e.timestamp.toISOString(),
      webhookEventId: e.webhookEventId,
    })),
  };
}

export function serializeDeliveryDetail(row: DeliveryDetail) {
  // bodyPurgedAt: when retention emptied the body (RETAIN_DELIVERY_BODIES_DAYS); the events keep their JSON.
  return { ...serializeDeliverySummary(row), body: row.body, bodyTruncated: row.bodyTruncated, bodyPurgedAt: row.bodyPurgedAt?.toISOString() ?? null };
}

export type DeliveryItem = ReturnType<typeof serializeDelivery>;
export type DeliveryDetailItem = ReturnType<typeof serializeDeliveryDetail>;
