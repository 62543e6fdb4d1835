import type { SendKind } from "@/lib/sends/send-schemas";
import type { DemographicFilter, Recipient } from "@/lib/sends/narrowcast-schema";
import { parseRecipientList } from "./recipient-list";
import { emptyGroup, fromLine, toDemographic, toRecipient, type Group } from "./targeting-tree";

// Everything the composer holds, and how it becomes the body POST /api/messages/{kind} takes (and
// back, to open a draft or duplicate an earlier send). Messages are kept as LINE message objects, so
// the shared zod schemas check exactly what will be sent.

export type DraftMessage = { type: string } & Record<string, unknown>;
export interface ComposedMessage {
  id: string;
  message: DraftMessage;
}

export interface PushTarget {
  id: string;
  name?: string;
  pictureUrl?: string | null;
}

export interface LimitState {
  max: number | null;
  upToRemainingQuota: boolean;
  forbidPartialDelivery: boolean;
}

/** A multicast goes to pasted user ids, or to a saved segment (the friends it matches when sent). */
export type MulticastMode = "ids" | "segment";

export interface ComposeState {
  kind: SendKind;
  messages: ComposedMessage[];
  notificationDisabled: boolean;
  aggregationUnit: string;
  /** The name of the campaign the send starts (empty: the start of its first message). */
  campaignName: string;
  push: PushTarget | null;
  multicastMode: MulticastMode;
  multicastText: string;
  segmentId: string | null;
  recipient: Group;
  filter: Group;
  limit: LimitState;
}

export function initialState(kind: SendKind = "push"): ComposeState {
  return {
    kind,
    messages: [{ id: uid(), message: { type: "text", text: "" } }],
    notificationDisabled: false,
    aggregationUnit: "",
    campaignName: "",
    push: null,
    multicastMode: "ids",
    multicastText: "",
    segmentId: null,
    recipient: emptyGroup("or"),
    filter: emptyGroup("and"),
    limit: { max: null, upToRemainingQuota: false, forbidPartialDelivery: false },
  };
}

export function toSendBody(s: ComposeState): Record<string, unknown> {
  const body: Record<string, unknown> = { messages: s.messages.map((m) => m.message) };
  if (s.notificationDisabled) body.notificationDisabled = true;
  if (s.campaignName.trim()) body.campaignName = s.campaignName.trim();
  const units = s.aggregationUnit.trim() ? { customAggregationUnits: [s.aggregationUnit.trim()] } : {};
  switch (s.kind) {
    case "push":
      return { to: s.push?.id ?? "", ...body, ...units };
    case "multicast": {
      if (s.multicastMode === "segment") return { ...(s.segmentId ? { segmentId: s.segmentId } : {}), ...body, ...units };
      // No ids yet: `to` is left out, so the schema asks for "user IDs or a segment" (not "at least 1 item").
      const ids = parseRecipientList(s.multicastText).ids;
      return { ...(ids.length ? { to: ids } : {}), ...body, ...units };
    }
    case "broadcast":
      return body;
    case "narrowcast": {
      const recipient = toRecipient(s.recipient);
      const demographic = toDemographic(s.filter);
      const limit = toLimit(s.limit);
      return { ...body, ...(recipient ? { recipient } : {}), ...(demographic ? { filter: { demographic } } : {}), ...(limit ? { limit } : {}) };
    }
  }
}

export function fromSendBody(kind: SendKind, body: Record<string, unknown>): ComposeState {
  const s = initialState(kind);
  const messages = Array.isArray(body.messages) ? (body.messages as DraftMessage[]) : [];
  if (messages.length) s.messages = messages.map((message) => ({ id: uid(), message }));
  s.notificationDisabled = body.notificationDisabled === true;
  if (typeof body.campaignName === "string") s.campaignName = body.campaignName;
  const units = body.customAggregationUnits;
  if (Array.isArray(units) && typeof units[0] === "string") s.aggregationUnit = units[0];
  if (kind === "push" && typeof body.to === "string" && body.to) s.push = { id: body.to };
  if (kind === "multicast") {
    // A draft names the segment (segmentId); an earlier send records the one it went to (segment.id).
    const segmentId = typeof body.segmentId === "string" ? body.segmentId : segmentOf(body.segment);
    if (segmentId) {
      s.multicastMode = "segment";
      s.segmentId = segmentId;
    } else if (Array.isArray(body.to)) s.multicastText = body.to.join("\n");
  }
  if (kind === "narrowcast") {
    if (body.recipient) s.recipient = withOp(fromLine(body.recipient as Recipient), "or");
    const filter = body.filter as { demographic?: DemographicFilter } | undefined;
    if (filter?.demographic) s.filter = fromLine(filter.demographic);
    const limit = body.limit as Partial<LimitState> | undefined;
    if (limit)
      s.limit = {
        max: typeof limit.max === "number" ? limit.max : null,
        upToRemainingQuota: !!limit.upToRemainingQuota,
        forbidPartialDelivery: !!limit.forbidPartialDelivery,
      };
  }
  return s;
}

export function uid(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
}

/** The id of a saved segment as an earlier send records it (`request.segment`), or null. */
export function segmentOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" ? id : null;
}

function toLimit(l: LimitState) {
  if (l.max === null && !l.upToRemainingQuota) return undefined;
  return {
    ...(l.max !== null ? { max: l.max } : {}),
    ...(l.upToRemainingQuota ? { upToRemainingQuota: true } : {}),
    ...(l.upToRemainingQuota && l.forbidPartialDelivery ? { forbidPartialDelivery: true } : {}),
  };
}

// A recipient tree read back with a single leaf comes as an "and" root; audiences read best as "any of".
function withOp(g: Group, op: Group["op"]): Group {
  return g.children.length <= 1 && g.op === "and" ? { ...g, op } : g;
}
