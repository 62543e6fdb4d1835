import type { Db } from "@/db/client";
import {
  createDestination,
  findDestinationByName,
  getDestination,
  updateDestination,
  type RelayDestinationRow,
  type RelayDestinationValues,
} from "@/db/queries/relay-destinations";
import { env } from "@/lib/env.js";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import type { RelayDestinationInput, RelayDestinationPatch } from "./schemas";
import { sealSecret } from "@/lib/platform/secret-box";
import { checkRelayUrl } from "./url-guard";

/** The destination named in the URL, or a 404. */
export async function destinationParam(db: Db, channelId: number, id: string) {
  const destination = /^\d{1,9}$/.test(id) ? await getDestination(db, { channelId, id: Number(id) }) : undefined;
  if (!destination) throw notFound("The relay destination");
  return destination;
}

export async function addDestination(db: Db, params: { channelId: number; createdBy: string | null; input: RelayDestinationInput }) {
  const { input } = params;
  await checkRelayUrl(input.url, { allowPrivate: env().relayAllowPrivate });
  await refuseTakenName(db, params.channelId, input.name, null);
  const { secret, ...rest } = input;
  const values: RelayDestinationValues = { ...rest, secretCiphertext: input.signing === "own" && secret ? sealSecret(secret) : null };
  return createDestination(db, { channelId: params.channelId, createdBy: params.createdBy, values });
}

export async function changeDestination(db: Db, params: { channelId: number; destination: RelayDestinationRow; patch: RelayDestinationPatch }) {
  const { destination, patch } = params;
  if (patch.url !== undefined) await checkRelayUrl(patch.url, { allowPrivate: env().relayAllowPrivate });
  if (patch.name !== undefined) await refuseTakenName(db, params.channelId, patch.name, destination.id);
  const signing = patch.signing ?? destination.signing;
  if (signing === "own" && !patch.secret && !destination.secretCiphertext) {
    throw new HttpError(400, "invalid_request", "secret: is required to re-sign with a secret of the destination's own", [
      { property: "secret", message: "is required to re-sign with a secret of the destination's own", key: "validation.required" },
    ]);
  }
  const { secret, ...rest } = patch;
  const values: Partial<RelayDestinationValues> = { ...rest };
  if (secret) values.secretCiphertext = sealSecret(secret);
  if (signing === "line") values.secretCiphertext = null;
  return (await updateDestination(db, { channelId: params.channelId, id: destination.id, values }))!;
}

/** A destination as the API shows it: never its secret, only whether one is set. */
export function serializeDestination(d: RelayDestinationRow) {
  return {
    id: d.id,
    name: d.name,
    url: d.url,
    enabled: d.enabled,
    signing: d.signing,
    secretSet: Boolean(d.secretCiphertext),
    eventTypes: d.eventTypes,
    sourceTypes: d.sourceTypes,
    modes: d.modes,
    unseenOnly: d.unseenOnly,
    timeoutMs: d.timeoutMs,
    breaker: {
      failuresInARow: d.consecutiveFailures,
      openUntil: d.breakerOpenUntil && d.breakerOpenUntil.getTime() > Date.now() ? d.breakerOpenUntil.toISOString() : null,
    },
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export type RelayDestination = ReturnType<typeof serializeDestination>;

async function refuseTakenName(db: Db, channelId: number, name: string, self: number | null) {
  const taken = await findDestinationByName(db, { channelId, name });
  if (taken && taken.id !== self) {
    throw new HttpError(409, "relay_name_taken", `A destination named "${name}" already exists`, [
      { property: "name", message: "is already the name of another destination", key: "validation.relayNameTaken" },
    ]);
  }
}
