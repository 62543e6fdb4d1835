import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { InvalidInvitation } from "@/components/auth/invalid-invitation";
import { getRuntime } from "@/lib/runtime/runtime";
import { lookupInvitation } from "@/lib/auth/accounts";
import { HttpError } from "@/lib/platform/http/errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("inviteTitle") };
}

// The link an admin passed on. The token stays in this page (Referrer-Policy: no-referrer everywhere).
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await openInvitation(token);
  if (!invitation) return <InvalidInvitation />;
  return <AcceptInvitationForm token={token} invitation={{ ...invitation, expiresAt: invitation.expiresAt.toISOString() }} />;
}

async function openInvitation(token: string) {
  const { db } = await getRuntime();
  try {
    return await lookupInvitation(db, { token });
  } catch (err) {
    if (err instanceof HttpError && err.code === "invitation_invalid") return null;
    throw err;
  }
}
