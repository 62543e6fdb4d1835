import type { Db } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import type { Actor } from "@/lib/auth/require-actor";

/** Audit actions, one vocabulary for the log, its filter and its translations. */
export const AUDIT_ACTIONS = [
  "setup.admin_created",
  "member.invited",
  "member.invitation_revoked",
  "member.joined",
  "member.role_changed",
  "member.disabled",
  "member.enabled",
  "member.password_changed",
  "member.password_reset_issued",
  "member.password_reset",
  "member.two_factor_enabled",
  "member.two_factor_disabled",
  "member.recovery_codes_regenerated",
  "member.recovery_code_used",
  "api_key.created",
  "api_key.revoked",
  "settings.webhook_endpoint_set",
  "settings.webhook_tested",
  "settings.conversation_updated",
  "settings.two_factor_requirement_changed",
  "message.sent",
  "message.test_sent",
  "message.reply_sent",
  "draft.deleted",
  "campaign.ab_test_created",
  "campaign.winner_sent",
  "campaign.ab_test_needs_decision",
  "segment.uploaded",
  "segment.created",
  "segment.updated",
  "segment.deleted",
  "segment.exported",
  "friends.tagged",
  "friends.exported",
  "friends.sync_requested",
  "session.revoked",
  "relay.destination_created",
  "relay.destination_updated",
  "relay.destination_deleted",
  "relay.destination_tested",
  "relay.replay_started",
  "relay.replay_cancelled",
  "database.backup_taken",
  "secrets.rotated",
  "channel.added",
  "channel.renamed",
  "channel.archived",
  "channel.restored",
  "channel.deleted",
  "schedule.created",
  "schedule.changed",
  "schedule.cancelled",
  "schedule.confirmed",
  "schedule.started",
  "schedule.failed",
  "schedule.missed",
  "richMenu.created",
  "richMenu.changed",
  "richMenu.deleted",
  "richMenu.published",
  "richMenu.defaultSet",
  "richMenu.defaultCleared",
  "richMenu.linked",
  "richMenu.unlinked",
  "richMenu.imported",
  "richMenu.linkRun.started",
  "richMenu.linkRun.resumed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export async function recordAudit(
  db: Db,
  entry: {
    actor: Actor | { kind: "system"; id?: string; name: string };
    ip: string | null;
    action: AuditAction;
    target?: string | null;
    details?: Record<string, unknown>;
    /** The channel it happened on; null or absent for what concerns the whole console. */
    channelId?: number | null;
  },
) {
  await appendAudit(db, {
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    actorLabel: entry.actor.kind === "user" ? `${entry.actor.name} <${entry.actor.email}>` : entry.actor.name,
    ip: entry.ip,
    channelId: entry.channelId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details ?? {},
  });
}
