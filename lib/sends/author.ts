import type { Actor } from "@/lib/auth/require-actor";

// Who made a send, a schedule or a campaign, as stored beside it: the kind, the id, and a label that
// reads on its own (`Name <email>` or `API key: name`) even after the member or key is gone.

export function authorLabel(actor: Actor): string {
  return actor.kind === "user" ? `${actor.name} <${actor.email}>` : `API key: ${actor.name}`;
}

/**
 * The stored author as an operator acting now: a scheduled send or an automatic A/B winner goes out on
 * behalf of whoever set it up, as if they had pressed Send. The label is split back into the parts
 * authorLabel joins, so the send reads the same.
 */
export function actorOfAuthor(row: { authorKind: "user" | "apiKey"; authorId: string; authorLabel: string; channelId: number }): Actor {
  if (row.authorKind === "apiKey") {
    const name = row.authorLabel.replace(/^API key: /, "");
    return { kind: "apiKey", id: row.authorId, name, role: "operator", consoleRole: "operator", channelIds: [row.channelId] };
  }
  const m = /^(.*) <([^<>]*)>$/.exec(row.authorLabel);
  return {
    kind: "user",
    id: row.authorId,
    name: m?.[1] ?? row.authorLabel,
    email: m?.[2] ?? "",
    role: "operator",
    consoleRole: "operator",
    sessionId: "",
    locale: null,
    timeZone: null,
  };
}
