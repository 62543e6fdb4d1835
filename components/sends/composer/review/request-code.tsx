"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { lineBody, toCurl, toSdkCode } from "@/lib/sends/composer/code-snippets";
import type { SendKind } from "@/lib/sends/send-schemas";

type View = "json" | "curl" | "sdk";

/** The exact request LINE will get, and the same as curl or @line/bot-sdk code to copy. */
export function RequestCode({ kind, body: composed }: { kind: SendKind; body: Record<string, unknown> }) {
  const t = useTranslations("composer.request");
  const [view, setView] = useState<View>("json");
  const body = kind === "multicast" ? withSegmentIds(composed, t("segmentIds")) : composed;
  // Thousands of multicast ids would drown the view; the copy buttons still copy everything.
  const shown =
    kind === "multicast" && Array.isArray(body.to) && body.to.length > 20 ? { ...body, to: [...body.to.slice(0, 20), `… +${body.to.length - 20}`] } : body;
  const code = view === "json" ? JSON.stringify(lineBody(shown), null, 2) : view === "curl" ? toCurl(kind, shown) : toSdkCode(kind, shown);
  const full = view === "json" ? JSON.stringify(lineBody(body), null, 2) : view === "curl" ? toCurl(kind, body) : toSdkCode(kind, body);
  return (
    // Real tabs: each view is a panel (the code block's body) labelled by its trigger.
    <Tabs value={view} onValueChange={(v) => setView(v as View)}>
      <CodeBlock
        code={code}
        language={view === "json" ? "json" : "text"}
        label={t("label")}
        maxHeight="22rem"
        title={
          <TabsList aria-label={t("label")}>
            <TabsTrigger size="sm" value="json">
              JSON
            </TabsTrigger>
            <TabsTrigger size="sm" value="curl">
              curl
            </TabsTrigger>
            <TabsTrigger size="sm" value="sdk">
              {t("sdk")}
            </TabsTrigger>
          </TabsList>
        }
        // The panel's body (the code's scrolling region) is the Tab stop: the panel itself need not be one too.
        wrapBody={(body) => (
          <TabsContent value={view} tabIndex={-1}>
            {body}
          </TabsContent>
        )}
        toolbar={<CopyButton value={full} label={t(`copy.${view}`)} copiedLabel={t("copied")} showLabel />}
      />
    </Tabs>
  );
}

// A segment becomes its friends' user ids when the send is made: LINE gets those as `to`.
function withSegmentIds(body: Record<string, unknown>, placeholder: string): Record<string, unknown> {
  const { segmentId, ...rest } = body;
  return typeof segmentId === "string" ? { to: [placeholder], ...rest } : body;
}
