"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { errorDescription } from "@/components/common/error-message";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toaster";
import type { ConversationSettings } from "@/lib/client/channel";
import { sendJson } from "@/lib/client/api-client";
import { channelKeys, conversationSettingsQuery } from "@/lib/client/channel";
import { LineErrorNotice } from "./line-error-notice";

const SETTINGS = ["loadingAnimation", "markAsRead"] as const;

/** What friends see of the team at work: LINE's loading animation while typing, messages marked read. */
export function ConversationSettingsCard() {
  const t = useTranslations("settings.channel.conversation");
  const query = useQuery(conversationSettingsQuery());
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const titleId = useId();
  const save = useMutation({
    mutationFn: (change: Partial<ConversationSettings>) => sendJson<ConversationSettings>("PATCH", "/api/settings/channel/conversation", change),
    // The switch moves at once; it moves back if the server refuses.
    onMutate: (change) => {
      const before = queryClient.getQueryData<ConversationSettings>(channelKeys.conversation);
      if (before) queryClient.setQueryData(channelKeys.conversation, { ...before, ...change });
      return { before };
    },
    onSuccess: (settings) => {
      queryClient.setQueryData(channelKeys.conversation, settings);
      toast({ tone: "success", title: t("saved") });
    },
    onError: (err, _change, context) => {
      if (context?.before) queryClient.setQueryData(channelKeys.conversation, context.before);
      toast({ tone: "danger", title: t("notSaved"), description: errorDescription(err) });
    },
  });
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <div>
          <CardTitle id={titleId}>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <div aria-hidden className="space-y-3">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        ) : query.isError ? (
          <LineErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ul className="divide-y divide-border">
            {SETTINGS.map((key) => (
              <Setting
                key={key}
                name={t(key)}
                hint={t(`${key}Hint`)}
                checked={query.data[key]}
                disabled={save.isPending}
                onChange={(on) => save.mutate({ [key]: on })}
              />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function Setting({
  name,
  hint,
  checked,
  disabled,
  onChange,
}: {
  name: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <li className="flex items-start justify-between gap-4 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0 space-y-0.5">
        <label htmlFor={id} className="text-sm font-medium">
          {name}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
      <Switch id={id} checked={checked} disabled={disabled} onCheckedChange={onChange} aria-describedby={`${id}-hint`} className="mt-0.5" />
    </li>
  );
}
