import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditLog } from "@/db/schema/auth";
import { channelMembers, channels } from "@/db/schema/channels";
import { resealAll } from "@/db/queries/sealed";
import { updateChannel } from "@/db/queries/channels";
import { channelCredentialsChanged, channelForWebhook, lineClientsFor } from "@/lib/channel/credentials";
import { addChannel } from "@/lib/channel/manage";
import { resetEnvCache } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import { openSecret, sealedWithCurrentKey, sealSecret } from "@/lib/platform/secret-box";
import { createWebhookIntake } from "@/lib/webhook/intake";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { callbackBody, eventBuilders } from "../fixtures/webhook-events";
import { webhookRequest } from "../helpers/webhook";

// Several Official Accounts (issue 23): a channel added with its id and secret alone gets its tokens
// from LINE's token API; wrong credentials are refused in words before anything is stored; an archived
// channel takes nothing in; sealed secrets survive a key rotation.

let fake: FakeLine;
let t: TestDatabase;
const db = () => t.handle.db;
const noAudit = async () => {};

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, channels: 3, friends: 20 });
  process.env.LINE_API_BASE_URL = fake.url;
  process.env.LINE_DATA_API_BASE_URL = fake.url;
  resetEnvCache();
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
  delete process.env.LINE_API_BASE_URL;
  delete process.env.LINE_DATA_API_BASE_URL;
  resetEnvCache();
});

describe("adding a channel", () => {
  it("with its id and secret alone: the console issues its tokens and calls LINE as that bot", async () => {
    const second = fake.channels[1]!;
    const added = await addChannel({ db: db(), audit: noAudit }, { lineChannelId: second.channelId, secret: second.channelSecret });
    expect(added.tokenSource).toBe("issued");
    expect(added.webhookUrl).toMatch(new RegExp(`/api/line/webhook/${added.key}$`));
    const [row] = await db().select().from(channels).where(eq(channels.slug, added.key));
    // Sealed at rest: neither the secret nor a token is in the row as written.
    expect(JSON.stringify(row)).not.toContain(second.channelSecret);
    expect(openSecret(row!.secretSealed!)).toBe(second.channelSecret);
    expect(row!.accessTokenSealed).toBeNull();
    const clients = await lineClientsFor(db())(row!.id);
    expect((await clients.api.getBotInfo()).userId).toBe(second.botUserId);
  });

  it("refuses a wrong secret, a token of another channel and a channel already there, saying which field", async () => {
    const third = fake.channels[2]!;
    const refusal = async (body: Parameters<typeof addChannel>[1]) => {
      try {
        await addChannel({ db: db(), audit: noAudit }, body);
      } catch (err) {
        return err as HttpError;
      }
      throw new Error("was accepted");
    };
    const wrongSecret = await refusal({ lineChannelId: third.channelId, secret: "0".repeat(32) });
    expect([wrongSecret.status, wrongSecret.details?.[0]?.property]).toEqual([400, "secret"]);
    const otherToken = await refusal({ lineChannelId: third.channelId, secret: third.channelSecret, accessToken: fake.channels[0]!.channelAccessToken });
    expect([otherToken.status, otherToken.code, otherToken.details?.[0]?.property]).toEqual([400, "token_of_other_channel", "accessToken"]);
    const again = await refusal({ lineChannelId: fake.channels[1]!.channelId, secret: fake.channels[1]!.channelSecret });
    expect([again.status, again.code]).toEqual([409, "channel_exists"]);
    // Nothing of the refused ones was stored.
    expect((await db().select().from(channels).where(eq(channels.lineChannelId, third.channelId))).length).toBe(0);
  });
});

describe("an archived channel", () => {
  it("takes nothing in (410) and cannot be sent from; restored, it can again", async () => {
    const second = fake.channels[1]!;
    const [row] = await db().select().from(channels).where(eq(channels.lineChannelId, second.channelId));
    const intake = createWebhookIntake({ db: db(), writeConcurrency: 1, channel: (id) => channelForWebhook(db(), id) });
    const body = callbackBody([eventBuilders.follow!()]);
    const signed = () => webhookRequest(body, { secret: second.channelSecret, url: `http://console.test/api/line/webhook/${row!.slug}` });
    expect((await intake.handle(signed(), row!.id)).status).toBe(200);

    await updateChannel(db(), { id: row!.id, archivedAt: new Date() });
    channelCredentialsChanged(db(), row!.id);
    expect((await intake.handle(signed(), row!.id)).status).toBe(410);
    await expect(Promise.resolve(lineClientsFor(db())(row!.id))).rejects.toMatchObject({ status: 409, code: "channel_archived" });

    await updateChannel(db(), { id: row!.id, archivedAt: null });
    channelCredentialsChanged(db(), row!.id);
    expect((await intake.handle(signed(), row!.id)).status).toBe(200);
    await intake.close();
  });
});

describe("sealed secrets", () => {
  afterEach(() => {
    delete process.env.SECRETS_KEY;
    delete process.env.SECRETS_KEY_PREVIOUS;
    resetEnvCache();
  });

  it("are read with the previous key during a rotation, sealed again with the new one, then need only it", async () => {
    process.env.SECRETS_KEY = "a".repeat(40);
    resetEnvCache();
    const old = sealSecret("the bot's secret");
    await db().execute(sql`update channels set secret_sealed = ${old} where slug <> 'default'`);

    process.env.SECRETS_KEY = "b".repeat(40);
    resetEnvCache();
    expect(() => openSecret(old)).toThrow(/neither SECRETS_KEY nor SECRETS_KEY_PREVIOUS/);
    process.env.SECRETS_KEY_PREVIOUS = "a".repeat(40);
    resetEnvCache();
    expect(openSecret(old)).toBe("the bot's secret");

    const changed = await resealAll(db(), (s) => (sealedWithCurrentKey(s) ? null : sealSecret(openSecret(s))));
    expect(changed["channels.secret_sealed"]).toBe(1);
    delete process.env.SECRETS_KEY_PREVIOUS;
    resetEnvCache();
    const [row] = await db()
      .execute(sql`select secret_sealed from channels where slug <> 'default'`)
      .then((r) => (r as unknown as { rows: Array<{ secret_sealed: string }> }).rows);
    expect(openSecret(row!.secret_sealed)).toBe("the bot's secret");
    // Run again: nothing left on an old key.
    expect(Object.values(await resealAll(db(), (s) => (sealedWithCurrentKey(s) ? null : sealSecret(openSecret(s))))).every((n) => n === 0)).toBe(true);
  });
});

describe("upgrading a console of one channel", () => {
  it("keeps every member's role, every API key and the audit log's channel entries on the first channel", async () => {
    // What 0015 did to rows written before it, replayed on rows shaped as they were then.
    const fresh = await createTestDatabase();
    try {
      const d = fresh.handle.db;
      await d.execute(
        sql`insert into "user" (id, name, email, role) values ('u1', 'Vera', 'vera@example.com', 'viewer'), ('u2', 'Ada', 'ada@example.com', 'admin')`,
      );
      await d.insert(apiKeys).values({ id: "k1", name: "script", role: "operator", prefix: "oak_x", keyHash: "h", channelIds: [] });
      await d.insert(auditLog).values([
        { actorKind: "user", actorId: "u2", actorLabel: "Ada", action: "message.sent", target: "s1" },
        { actorKind: "user", actorId: "u2", actorLabel: "Ada", action: "member.invited", target: "vera@example.com" },
      ]);
      const migration = await import("node:fs").then((fs) => fs.readFileSync("db/migrations/0015_channels.sql", "utf8"));
      const upgrade = migration.slice(migration.indexOf('INSERT INTO "channel_members"')).split("--> statement-breakpoint");
      for (const statement of upgrade) if (statement.trim()) await d.execute(sql.raw(statement));
      expect(await d.select({ userId: channelMembers.userId, role: channelMembers.role, channelId: channelMembers.channelId }).from(channelMembers)).toEqual([
        { userId: "u1", role: "viewer", channelId: fresh.channelId },
      ]);
      expect((await d.select({ channelIds: apiKeys.channelIds }).from(apiKeys))[0]!.channelIds).toEqual([fresh.channelId]);
      // What happened on the channel is its; what concerns the whole console stays of none.
      expect(await d.select({ action: auditLog.action, channelId: auditLog.channelId }).from(auditLog).orderBy(auditLog.id)).toEqual([
        { action: "message.sent", channelId: fresh.channelId },
        { action: "member.invited", channelId: null },
      ]);
    } finally {
      await fresh.close();
    }
  });
});
