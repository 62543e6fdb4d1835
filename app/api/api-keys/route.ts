import { randomUUID } from "node:crypto";
import { createApiKey } from "@/db/queries/api-keys";
import { readApiKeys } from "@/lib/auth/read";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { createApiKeyBodySchema } from "@/lib/auth/schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { channelsByKey } from "@/lib/channel/access";

export const GET = apiRoute({ scope: "console", role: "admin" }, async ({ db }) => readApiKeys(db));

/** A new key, shown in this answer only. */
export const POST = apiRoute({ scope: "console", role: "admin" }, async ({ req, db, actor, audit, channel }) => {
  const body = await parseJsonBody(createApiKeyBodySchema, req);
  const channels = await channelsByKey(db, body.channels ?? [channel.slug]);
  const { key, prefix, hash } = generateApiKey();
  const row = await createApiKey(db, {
    id: randomUUID(),
    name: body.name,
    role: body.role,
    prefix,
    keyHash: hash,
    channelIds: channels.map((c) => c.id),
    createdBy: actor.kind === "user" ? actor.id : null,
  });
  await audit("api_key.created", body.name, { role: body.role, prefix, channels: channels.map((c) => c.slug) });
  return Response.json({ id: row.id, name: row.name, role: row.role, prefix, createdAt: row.createdAt, key }, { status: 201 });
});
