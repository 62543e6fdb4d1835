"use client";

import { Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { RelativeTime } from "@/components/common/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { Role } from "@/lib/auth/roles";
import { acceptInvitationBodySchema, withConfirm } from "@/lib/auth/schemas";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { NewPasswordFields } from "./new-password-fields";
import { RoleBadge } from "./role-badge";

const acceptFormSchema = withConfirm(acceptInvitationBodySchema, "password");

export interface InvitationSummary {
  email: string;
  role: Role;
  expiresAt: string;
  invitedBy: string | null;
}

/** The invitee chooses a name and password; the account gets the invitation's email and role. */
export function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationSummary }) {
  const t = useTranslations("auth");
  const tr = useTranslations("roles");
  const errorText = useFieldErrorText();
  const router = useRouter();
  // The token rides along as a value no input shows.
  const form = useZodForm(acceptFormSchema, { token, name: "", password: "", confirm: "" });
  const { errors } = form.formState;
  const [formError, setFormError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setFormError(null);
    setPending(true);
    try {
      await sendJson("POST", "/api/invitations/accept", body);
      router.replace("/");
      router.refresh();
    } catch (err) {
      setPending(false);
      if (!setServerErrors(form, err, ["name", "password"])) setFormError(err);
    }
  });

  return (
    <Card>
      <CardContent className="pt-5">
        <h1 className="text-base font-semibold text-foreground">{t("inviteTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{invitation.invitedBy ? t("invitedBy", { name: invitation.invitedBy }) : t("invitedToJoin")}</p>
        <dl className="mt-4 space-y-2.5 rounded-lg border border-border bg-muted/50 p-3 text-sm">
          <div className="flex items-center gap-2.5">
            <dt className="sr-only">{t("email")}</dt>
            <Mail aria-hidden className="size-4 shrink-0 text-subtle-foreground" />
            <dd className="min-w-0 truncate font-medium" data-testid="invitation-email">
              {invitation.email}
            </dd>
          </div>
          <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
            <dt className="sr-only">{t("role")}</dt>
            <dd className="flex min-w-0 items-start gap-2.5">
              <RoleBadge role={invitation.role} />
              <span className="text-xs text-muted-foreground">{tr(`descriptions.${invitation.role}`)}</span>
            </dd>
          </div>
          <p className="text-xs text-subtle-foreground">{t.rich("invitationExpires", { time: () => <RelativeTime value={invitation.expiresAt} /> })}</p>
        </dl>
        <form className="mt-5 space-y-4" onSubmit={(e) => void submit(e)} noValidate>
          <FormField id="name" label={t("name")} error={errorText(errors.name)}>
            {(control) => <Input {...control} autoComplete="name" required {...form.register("name")} />}
          </FormField>
          {/* For password managers: the account this password belongs to. */}
          <input type="email" autoComplete="username" value={invitation.email} readOnly hidden />
          <NewPasswordFields
            password={form.register("password")}
            confirm={form.register("confirm")}
            value={form.watch("password")}
            passwordError={errorText(errors.password)}
            confirmError={errorText(errors.confirm)}
          />
          {formError ? (
            <FormError>
              {/* An invalid invitation or an existing account explains itself; anything else says the account was not created. */}
              <ErrorMessage
                error={formError}
                lead={formError instanceof ApiError && ["invitation_invalid", "member_exists"].includes(formError.code) ? null : t("acceptFailed")}
              />
            </FormError>
          ) : null}
          <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending}>
            {pending ? t("creatingAccount") : t("acceptInvitation")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
