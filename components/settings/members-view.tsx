"use client";

import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InvitationsCard } from "./invitations-card";
import { InviteDialog } from "./invite-dialog";
import { MembersCard } from "./members-card";
import { SignInSecurityCard } from "./sign-in-security-card";

/** Settings › Members: who has access and with which role, and the invitations that let people in. */
export function MembersView() {
  const t = useTranslations("settings.members");
  const pathname = usePathname();
  // ?invite=1 (the command palette's "Invite a member") opens the dialog; closing it drops the flag.
  // The History API, not the router: the flag is the browser's alone, no server render needed.
  const inviting = useSearchParams().get("invite") === "1";
  const setInviting = (open: boolean) => window.history.replaceState(null, "", open ? `${pathname}?invite=1` : pathname);
  return (
    <div className="space-y-5">
      <MembersCard
        action={
          <Button variant="primary" onClick={() => setInviting(true)}>
            <UserPlus aria-hidden />
            {t("inviteButton")}
          </Button>
        }
      />
      <InvitationsCard />
      <SignInSecurityCard />
      <InviteDialog open={inviting} onOpenChange={setInviting} />
    </div>
  );
}
