import type { Db } from "@/db/client";
import { listApiKeys } from "@/db/queries/api-keys";
import { auditActions, listAudit } from "@/db/queries/audit";
import { listInvitations } from "@/db/queries/invitations";
import { listMembers, listSessionsOf } from "@/db/queries/users";
import { channelRoles } from "@/db/queries/channels";
import { HttpError } from "@/lib/platform/http/errors";
import type { Actor } from "./require-actor";
import type { ListAuditQuery } from "./schemas";

// The Settings pages' reads about who may use the console (members, invitations, API keys, sessions) and
// what they did (the audit log), for their GET routes and the pages that show them.

/** Every member, with their role on the channel the page is on (admin: a console admin; none: no access to it). */
export async function readMembers(db: Db, params: { channelId: number }) {
  const [members, roles] = await Promise.all([listMembers(db), channelRoles(db, { channelId: params.channelId })]);
  const onChannel = new Map(roles.map((r) => [r.userId, r.role]));
  return {
    items: members.map((m) => ({
      ...m,
      consoleAdmin: m.role === "admin",
      role: m.role === "admin" ? ("admin" as const) : (onChannel.get(m.id) ?? ("none" as const)),
    })),
  };
}

export async function readInvitations(db: Db) {
  return { items: await listInvitations(db) };
}

export async function readApiKeys(db: Db) {
  return { items: await listApiKeys(db) };
}

/** The signed-in member's sessions (devices), this one marked. */
export async function readMySessions(db: Db, params: { actor: Actor }) {
  const { actor } = params;
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys have no sessions");
  const rows = await listSessionsOf(db, { userId: actor.id });
  return { items: rows.map((s) => ({ ...s, current: s.id === actor.sessionId })) };
}

/** The audit log, newest first, with the actions it holds (for the filter). */
export async function readAudit(db: Db, params: { query: ListAuditQuery; channelId: number; withConsole: boolean }) {
  const page = await listAudit(db, { ...params.query, channelId: params.channelId, withConsole: params.withConsole });
  const last = page.items.at(-1);
  return {
    items: page.items,
    actions: await auditActions(db),
    nextCursor: page.hasMore && last ? Buffer.from(`${last.at.getTime()}.${last.id}`).toString("base64url") : null,
  };
}
