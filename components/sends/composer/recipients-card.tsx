"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { BroadcastAudience } from "./recipients/broadcast-audience";
import { MulticastTarget } from "./recipients/multicast-target";
import { NarrowcastTargeting } from "./recipients/narrowcast-targeting";
import { PushPicker } from "./recipients/push-picker";
import type { ComposeApi } from "./use-compose";

/** Who receives the send: one picker per kind. */
export function RecipientsCard({ compose }: { compose: ComposeApi }) {
  const t = useTranslations("composer.recipients");
  const { state, update, body } = compose;
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t(`hint.${state.kind}`)}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {state.kind === "push" && (
          <PushPicker
            value={state.push}
            onChange={(push) => {
              compose.markWorked("to");
              update({ push });
            }}
          />
        )}
        {state.kind === "multicast" && <MulticastTarget compose={compose} />}
        {state.kind === "broadcast" && <BroadcastAudience />}
        {state.kind === "narrowcast" && <NarrowcastTargeting state={state} body={body} update={update} />}
      </CardContent>
    </Card>
  );
}
