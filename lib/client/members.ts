import { queryOptions } from "@tanstack/react-query";
import type { listInvitations } from "@/db/queries/invitations";
import type { readMembers } from "@/lib/auth/read";
import { browserFetch, getJson, type ApiFetch, type Jsonified } from "./api-client";

/** A member with their role on the page's channel (admin: a console admin; none: no access to it). */
export type Member = Jsonified<Awaited<ReturnType<typeof readMembers>>["items"][number]>;
export type Invitation = Jsonified<Awaited<ReturnType<typeof listInvitations>>[number]>;
/** POST /api/invitations: the invitation and, this once, its link. */
export type CreatedInvitation = Omit<Invitation, "invitedBy"> & { link: string };

export const memberKeys = {
  members: ["members"] as const,
  invitations: ["invitations"] as const,
};

export function membersQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: memberKeys.members,
    queryFn: ({ signal }) => getJson<{ items: Member[] }>(api, "/api/members", signal),
  });
}

export function invitationsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: memberKeys.invitations,
    queryFn: ({ signal }) => getJson<{ items: Invitation[] }>(api, "/api/invitations", signal),
  });
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(i: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = Date.now()): InvitationStatus {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  return new Date(i.expiresAt).getTime() <= now ? "expired" : "pending";
}
