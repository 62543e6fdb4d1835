"use client";

import { Wand2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { SAMPLE_BUBBLE } from "@/lib/sends/composer/new-message";
import { Field, FieldErrors } from "../field";
import { uniqueIssues, useFieldIssues, useIssues, useTranslateIssue, type ShownIssue } from "../issues-context";

/**
 * Flex as JSON (what LINE's Flex Message Simulator exports): parsed as the operator types; the last
 * JSON that parsed is what the preview shows and the schema checks.
 */
export function FlexEditor({ message, onChange, path }: { message: DraftMessage; onChange: (m: DraftMessage) => void; path: string }) {
  const t = useTranslations("composer.flex");
  const tv = useTranslations("validation");
  const [text, setText] = useState(() => JSON.stringify(message.contents ?? SAMPLE_BUBBLE, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const contentErrors = useFieldIssues(`${path}.contents`, true);

  const edit = (next: string) => {
    setText(next);
    try {
      const contents: unknown = JSON.parse(next);
      setParseError(null);
      onChange({ ...message, contents });
    } catch (err) {
      setParseError((err as Error).message);
    }
  };

  return (
    <div className="space-y-3">
      <Field label={t("altText")} path={`${path}.altText`} hint={t("altTextHint")} count={{ used: String(message.altText ?? "").length, max: 400 }}>
        {(p) => <Input {...p} value={String(message.altText ?? "")} onChange={(e) => onChange({ ...message, altText: e.target.value })} />}
      </Field>
      <div className="space-y-1.5">
        <div className="flex items-center justify-between gap-2">
          <label htmlFor={`${path}-flex`} className="text-xs font-medium text-muted-foreground">
            {t("json")}
          </label>
          <div className="flex gap-1">
            <Button size="xs" variant="subtle" onClick={() => edit(JSON.stringify(JSON.parse(text), null, 2))} disabled={parseError !== null}>
              <Wand2 aria-hidden />
              {t("format")}
            </Button>
          </div>
        </div>
        <Textarea
          id={`${path}-flex`}
          spellCheck={false}
          rows={14}
          value={text}
          aria-invalid={parseError || contentErrors.length ? true : undefined}
          onChange={(e) => edit(e.target.value)}
          className="resize-y font-mono text-xs leading-5"
        />
        <p className="text-2xs text-muted-foreground">{t("hint")}</p>
        {parseError && <FieldErrors errors={[tv("jsonParse", { error: parseError })]} />}
        {!parseError && <FlexPathErrors path={`${path}.contents`} />}
      </div>
    </div>
  );
}

// Flex problems sit deep in the tree: show each with where it is ("body.contents.1.url").
function FlexPathErrors({ path }: { path: string }) {
  const issues = useIssues();
  const translate = useTranslateIssue();
  const errors: ShownIssue[] = [];
  for (const [key, list] of issues) {
    if (key !== path && !key.startsWith(`${path}.`)) continue;
    const where = key.slice(path.length + 1);
    for (const issue of list) {
      const shown = translate(issue);
      errors.push(where ? { ...shown, where } : shown);
    }
  }
  return <FieldErrors errors={uniqueIssues(errors)} />;
}
