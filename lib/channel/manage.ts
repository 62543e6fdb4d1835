import { channelAccessToken } from "@line/bot-sdk";
import { isHttpFetchError } from "@/lib/line/line-errors";
import type { Db } from "@/db/client";
import {
  DEFAULT_CHANNEL_SLUG,
  deleteChannelAndData,
  findChannelByLineId,
  insertChannel,
  listChannels,
  updateChannel,
  type ChannelSummary,
} from "@/db/queries/channels";
import { scheduleContactSyncs } from "@/lib/contacts/followers-sync";
import { env } from "@/lib/env.js";
import { createLineClients } from "@/lib/line/clients";
import type { AuditAction } from "@/lib/platform/audit";
import { HttpError } from "@/lib/platform/http/errors";
import { sealSecret } from "@/lib/platform/secret-box";
import { channelsChanged } from "./access";
import { consoleWebhookUrl } from "./channel";
import { channelCredentialsChanged, issueStatelessToken } from "./credentials";
import type { AddChannelBody, UpdateChannelBody } from "./schemas";

// Settings → Channels: adding an Official Account (its credentials checked with LINE before anything is
// stored, and sealed when they are), renaming, archiving and deleting one.

interface Ctx {
  db: Db;
  audit(action: AuditAction, target?: string | null, details?: Record<string, unknown>): Promise<void>;
}

/** A channel as Settings → Channels shows it: never its secret or token. */
export function channelItem(c: ChannelSummary) {
  return {
    key: c.slug,
    name: c.name,
    lineChannelId: c.lineChannelId,
    basicId: c.basicId,
    pictureUrl: c.pictureUrl,
    tokenSource: c.tokenSource,
    archivedAt: c.archivedAt,
    createdAt: c.createdAt,
    webhookUrl: consoleWebhookUrl(c),
    first: c.slug === DEFAULT_CHANNEL_SLUG,
  };
}
export type ChannelItem = ReturnType<typeof channelItem>;

/**
 * Add a channel: the secret is checked by issuing a token with it (LINE's token API), a given access
 * token by asking LINE whose it is, then the bot is read — each refusal said in words, with the field it
 * concerns, before anything is stored.
 */
export async function addChannel(ctx: Ctx, body: AddChannelBody): Promise<ChannelItem> {
  if (await findChannelByLineId(ctx.db, { lineChannelId: body.lineChannelId })) {
    throw new HttpError(409, "channel_exists", "This LINE channel is already in the console", [
      { property: "lineChannelId", message: "is already in the console", key: "validation.channelExists" },
    ]);
  }
  const issued = await issueStatelessToken({ lineChannelId: body.lineChannelId, secret: body.secret }).catch((err: unknown) => {
    throw lineRefusal(err, "secret", "LINE did not accept this channel ID and channel secret together", "validation.channelSecretRefused");
  });
  if (body.accessToken) await checkTokenBelongs(body.accessToken, body.lineChannelId);
  const e = env();
  const clients = createLineClients({
    accessToken: body.accessToken ?? issued.accessToken,
    apiBaseUrl: e.LINE_API_BASE_URL,
    dataApiBaseUrl: e.LINE_DATA_API_BASE_URL,
  });
  const bot = await clients.api.getBotInfo().catch((err: unknown) => {
    throw lineRefusal(err, body.accessToken ? "accessToken" : "secret", "LINE did not describe the bot of this channel", "validation.channelBotUnreadable");
  });
  const slug = await freeSlug(ctx.db, body.key ?? slugOf(bot.basicId) ?? body.lineChannelId);
  const id = await insertChannel(ctx.db, {
    slug,
    name: body.name ?? bot.displayName,
    lineChannelId: body.lineChannelId,
    botUserId: bot.userId,
    basicId: bot.basicId,
    pictureUrl: bot.pictureUrl ?? null,
    tokenSource: body.accessToken ? "given" : "issued",
    secretSealed: sealSecret(body.secret),
    accessTokenSealed: body.accessToken ? sealSecret(body.accessToken) : null,
    tokenExpiresAt: null,
  });
  channelsChanged(ctx.db);
  // Its friends are listed from LINE as the first channel's are.
  await scheduleContactSyncs(ctx.db, { channelId: id });
  await ctx.audit("channel.added", slug, { lineChannelId: body.lineChannelId, basicId: bot.basicId, tokenSource: body.accessToken ? "given" : "issued" });
  const added = (await listChannels(ctx.db)).find((c) => c.id === id)!;
  return channelItem(added);
}

/** Rename, archive (intake and sending stop, the data stays) or bring back a channel. */
export async function changeChannel(ctx: Ctx, channel: ChannelSummary, body: UpdateChannelBody): Promise<ChannelItem> {
  const archivedAt = body.archived === undefined ? undefined : body.archived ? (channel.archivedAt ?? new Date()) : null;
  await updateChannel(ctx.db, { id: channel.id, name: body.name, archivedAt });
  channelsChanged(ctx.db);
  channelCredentialsChanged(ctx.db, channel.id);
  if (body.name !== undefined && body.name !== channel.name) await ctx.audit("channel.renamed", channel.slug, { from: channel.name, to: body.name });
  if (body.archived !== undefined && body.archived !== Boolean(channel.archivedAt))
    await ctx.audit(body.archived ? "channel.archived" : "channel.restored", channel.slug);
  return channelItem((await listChannels(ctx.db)).find((c) => c.id === channel.id)!);
}

/** Delete a channel and all it holds, once its name is typed back. The first channel comes from the environment: it can be archived, not deleted. */
export async function deleteChannel(ctx: Ctx, channel: ChannelSummary, confirmName: string) {
  if (channel.slug === DEFAULT_CHANNEL_SLUG) {
    throw new HttpError(409, "first_channel", "The first channel comes from the environment (LINE_CHANNEL_*): archive it instead");
  }
  if (confirmName.trim() !== channel.name) {
    throw new HttpError(400, "confirmation_mismatch", "Type the channel's name to delete it", [
      { property: "confirmName", message: "is not the channel's name", key: "validation.confirmNameMismatch" },
    ]);
  }
  await deleteChannelAndData(ctx.db, { id: channel.id });
  channelsChanged(ctx.db);
  channelCredentialsChanged(ctx.db, channel.id);
  await ctx.audit("channel.deleted", channel.slug, { name: channel.name, lineChannelId: channel.lineChannelId });
}

async function checkTokenBelongs(accessToken: string, lineChannelId: string) {
  const client = new channelAccessToken.ChannelAccessTokenClient({ baseURL: env().LINE_API_BASE_URL });
  const verified = await client.verifyChannelToken(accessToken).catch((err: unknown) => {
    throw lineRefusal(err, "accessToken", "LINE did not accept this channel access token", "validation.accessTokenRefused");
  });
  if (verified.client_id !== lineChannelId) {
    throw new HttpError(400, "token_of_other_channel", `This access token belongs to channel ${verified.client_id}, not ${lineChannelId}`, [
      {
        property: "accessToken",
        message: `belongs to channel ${verified.client_id}`,
        key: "validation.accessTokenOtherChannel",
        values: { channel: verified.client_id },
      },
    ]);
  }
}

// LINE's 4xx about credentials is the admin's to fix (400 with the field); anything else is LINE's (502).
function lineRefusal(err: unknown, property: string, message: string, key: string): HttpError {
  if (isHttpFetchError(err) && err.status >= 400 && err.status < 500) {
    let said = "";
    try {
      const body = JSON.parse(err.body) as { message?: string; error_description?: string };
      said = body.error_description ?? body.message ?? "";
    } catch {}
    return new HttpError(400, "line_refused_credentials", said ? `${message}: ${said}` : message, [{ property, message, key }]);
  }
  return new HttpError(502, "line_unreachable", `LINE could not be reached: ${(err as Error).message}`);
}

function slugOf(basicId: string | undefined): string | null {
  const s = (basicId ?? "")
    .replace(/^@/, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || null;
}

async function freeSlug(db: Db, wanted: string): Promise<string> {
  const taken = new Set((await listChannels(db)).map((c) => c.slug));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
