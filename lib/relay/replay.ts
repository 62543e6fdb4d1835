import type { Db } from "@/db/client";
import { getDestination } from "@/db/queries/relay-destinations";
import { cancelReplay, countReplayEvents, createReplay, getReplay, type ReplayScope } from "@/db/queries/relay-replays";
import { env } from "@/lib/env.js";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import type { RelayReplayInput } from "./schemas";
import { sealSecret } from "@/lib/platform/secret-box";
import { checkRelayUrl } from "./url-guard";

/** The most events one replay sends: a bigger history is replayed in parts (by time range). */
export const REPLAY_MAX_EVENTS = 50_000;

/** What a replay would send, for the confirmation: where to, and how many events. */
export async function previewReplay(db: Db, params: { channelId: number; input: RelayReplayInput }) {
  const target = await resolveTarget(db, params.channelId, params.input.target);
  const count = await countReplayEvents(db, { channelId: params.channelId, scope: toScope(params.input.scope), unseenBy: target.unseenBy });
  return { target: target.label, count, max: REPLAY_MAX_EVENTS };
}

export async function startReplay(db: Db, params: { channelId: number; input: RelayReplayInput; createdBy: string | null }) {
  const { input } = params;
  const target = await resolveTarget(db, params.channelId, input.target);
  const scope = toScope(input.scope);
  const count = await countReplayEvents(db, { channelId: params.channelId, scope, unseenBy: target.unseenBy });
  if (count === 0) throw new HttpError(422, "relay_replay_empty", "No stored event matches: there is nothing to replay");
  if (count > REPLAY_MAX_EVENTS) {
    throw new HttpError(422, "relay_replay_too_large", `${count} events match; one replay sends at most ${REPLAY_MAX_EVENTS}. Narrow the time range.`);
  }
  if (input.expectedCount !== undefined && input.expectedCount !== count) {
    throw new HttpError(409, "relay_replay_count_changed", `${count} events match now, not the ${input.expectedCount} confirmed; confirm again`);
  }
  return createReplay(db, {
    channelId: params.channelId,
    destinationId: target.destinationId,
    url: target.url,
    secretCiphertext: target.secretCiphertext,
    scope,
    unseenBy: target.unseenBy,
    perSecond: input.perSecond,
    limit: REPLAY_MAX_EVENTS,
    createdBy: params.createdBy,
  });
}

export async function stopReplay(db: Db, params: { channelId: number; id: number }) {
  const cancelled = await cancelReplay(db, params);
  if (cancelled) return cancelled;
  const existing = await getReplay(db, params);
  if (!existing) throw notFound("The replay");
  throw new HttpError(409, "relay_replay_not_running", "The replay has already ended");
}

async function resolveTarget(db: Db, channelId: number, target: RelayReplayInput["target"]) {
  if ("destinationId" in target) {
    const d = await getDestination(db, { channelId, id: target.destinationId });
    if (!d) throw notFound("The relay destination");
    return { destinationId: d.id, url: null, secretCiphertext: null, unseenBy: d.unseenOnly ? d.id : null, label: d.name };
  }
  const url = await checkRelayUrl(target.url, { allowPrivate: env().relayAllowPrivate });
  return {
    destinationId: null,
    url: url.toString(),
    secretCiphertext: target.secret ? sealSecret(target.secret) : null,
    unseenBy: null,
    label: url.toString(),
  };
}

function toScope(scope: RelayReplayInput["scope"]): ReplayScope {
  return scope;
}
