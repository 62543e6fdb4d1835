"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";

/** The event exactly as LINE sent it, pretty-printed. */
export function EventPayload({ payload }: { payload: Record<string, unknown> }) {
  const t = useTranslations("eventDetail");
  const tc = useTranslations("common");
  const json = useMemo(() => JSON.stringify(payload, null, 2), [payload]);
  return (
    <section>
      <CodeBlock
        code={json}
        language="json"
        label={t("rawJson")}
        title={<h2>{t("rawJson")}</h2>}
        toolbar={<CopyButton value={json} label={t("copyJson")} copiedLabel={tc("copied")} showLabel />}
      />
    </section>
  );
}
