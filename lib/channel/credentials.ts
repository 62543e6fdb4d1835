import { channelAccessToken } from "@line/bot-sdk";
import type { Db } from "@/db/client";
import { DEFAULT_CHANNEL_SLUG, getChannelCredentials, type ChannelCredentialsRow } from "@/db/queries/channels";
import { env } from "@/lib/env.js";
import { createLineClients, LineNotConfiguredError, type ClientsFor, type LineClients } from "@/lib/line/clients";
import { HttpError } from "@/lib/platform/http/errors";
import { openSecret } from "@/lib/platform/secret-box";

// A channel's secret (to check LINE's signatures) and LINE clients (to call LINE as its bot). The first
// channel's come from the environment, as before channels could be added; an added channel's are opened
// from the database. A channel added with its secret alone gets stateless channel access tokens from
// LINE's token API (v3: fifteen minutes, as many as needed), issued by each instance for itself when it
// needs one and renewed before they end — nothing shared to coordinate, no limit to run into.

/** How long what was read of a channel is trusted: an archive on another instance takes effect within it. */
const FRESH_MS = 5_000;

interface Entry {
  readAt: number;
  row: ChannelCredentialsRow | null;
  secret: string | undefined;
  clients?: { value: LineClients; renewAt: number };
  issuing?: Promise<LineClients>;
}

// On globalThis, one per process: Next bundles this module for routes, pages and instrumentation apart,
// and an archive made through a route must reach the webhook's and the background work's copies.
const g = globalThis as typeof globalThis & { __oaChannelCredentials?: WeakMap<Db, Map<number, Entry>> };
const caches = (g.__oaChannelCredentials ??= new WeakMap());

/** The channel's secret and whether it is archived (null: no such channel). */
export async function channelForWebhook(db: Db, channelId: number): Promise<{ secret: string | undefined; archived: boolean } | null> {
  const entry = await read(db, channelId);
  return entry.row ? { secret: entry.secret, archived: Boolean(entry.row.archivedAt) } : null;
}

/** The clients of a channel, for background work and routes: refused for an archived channel. */
export function lineClientsFor(db: Db): ClientsFor {
  return async (channelId) => {
    const entry = await read(db, channelId);
    if (!entry.row) throw new LineNotConfiguredError(`Channel ${channelId} does not exist`);
    if (entry.row.archivedAt) throw new ChannelArchivedError();
    if (entry.clients && performance.now() < entry.clients.renewAt) return entry.clients.value;
    entry.issuing ??= clientsOf(entry.row, entry.secret)
      .then((made) => {
        entry.clients = made;
        return made.value;
      })
      .finally(() => (entry.issuing = undefined));
    return entry.issuing;
  };
}

/** 409 channel_archived for an archived channel: nothing is sent from it, so no send of it is stored either. */
export async function assertChannelSends(db: Db, channelId: number): Promise<void> {
  if ((await read(db, channelId)).row?.archivedAt) throw new ChannelArchivedError();
}

/** Forget what was read of a channel here (after it was changed on this instance). */
export function channelCredentialsChanged(db: Db, channelId: number) {
  caches.get(db)?.delete(channelId);
}

export class ChannelArchivedError extends HttpError {
  constructor() {
    super(409, "channel_archived", "This channel is archived: nothing is sent from it and its webhook takes nothing in");
  }
}

/** Issue a stateless token with a channel's id and secret (also how a channel's secret is checked on save). */
export async function issueStatelessToken(params: { lineChannelId: string; secret: string }): Promise<{ accessToken: string; expiresIn: number }> {
  const client = new channelAccessToken.ChannelAccessTokenClient({ baseURL: env().LINE_API_BASE_URL });
  const res = await client.issueStatelessChannelTokenByClientSecret(params.lineChannelId, params.secret);
  return { accessToken: res.access_token, expiresIn: res.expires_in };
}

async function read(db: Db, channelId: number): Promise<Entry> {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  const cached = perDb.get(channelId);
  if (cached && performance.now() - cached.readAt < FRESH_MS) return cached;
  const row = await getChannelCredentials(db, { id: channelId });
  const entry: Entry = { readAt: performance.now(), row, secret: row ? secretOf(row) : undefined };
  // Clients (and a token still good) survive a re-read that changed nothing about them.
  if (cached?.clients && cached.row?.accessTokenSealed === row?.accessTokenSealed && cached.row?.secretSealed === row?.secretSealed)
    entry.clients = cached.clients;
  perDb.set(channelId, entry);
  return entry;
}

function secretOf(row: ChannelCredentialsRow): string | undefined {
  if (row.tokenSource === "environment") return row.slug === DEFAULT_CHANNEL_SLUG ? env().LINE_CHANNEL_SECRET : undefined;
  return row.secretSealed ? openSecret(row.secretSealed) : undefined;
}

async function clientsOf(row: ChannelCredentialsRow, secret: string | undefined): Promise<{ value: LineClients; renewAt: number }> {
  const e = env();
  const make = (accessToken: string) => createLineClients({ accessToken, apiBaseUrl: e.LINE_API_BASE_URL, dataApiBaseUrl: e.LINE_DATA_API_BASE_URL });
  if (row.tokenSource === "environment") {
    if (!e.LINE_CHANNEL_ACCESS_TOKEN || row.slug !== DEFAULT_CHANNEL_SLUG) throw new LineNotConfiguredError();
    return { value: make(e.LINE_CHANNEL_ACCESS_TOKEN), renewAt: Infinity };
  }
  if (row.tokenSource === "given") {
    if (!row.accessTokenSealed) throw new LineNotConfiguredError(`Channel ${row.slug} has no access token`);
    return { value: make(openSecret(row.accessTokenSealed)), renewAt: Infinity };
  }
  if (!secret || !row.lineChannelId) throw new LineNotConfiguredError(`Channel ${row.slug} has no channel secret to issue tokens with`);
  const issued = await issueStatelessToken({ lineChannelId: row.lineChannelId, secret });
  // Renewed at four fifths of its life: a call made with it never meets its end.
  return { value: make(issued.accessToken), renewAt: performance.now() + issued.expiresIn * 800 };
}
