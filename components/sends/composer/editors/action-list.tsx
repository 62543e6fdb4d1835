"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { PathErrors } from "../field";
import { ActionEditor, blankAction, type ActionObject } from "./action-editor";

/** A template's (or a column's) actions: up to `max`, each edited in place; `fixed` keeps their number. */
export function ActionList({
  actions,
  onChange,
  path,
  max,
  fixed = false,
}: {
  actions: ActionObject[];
  onChange: (a: ActionObject[]) => void;
  path: string;
  max: number;
  fixed?: boolean;
}) {
  const t = useTranslations("composer.template");
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted-foreground">{t("actions", { count: actions.length, max })}</span>
        {!fixed && actions.length < max && (
          <Button size="xs" onClick={() => onChange([...actions, blankAction("message")])}>
            <Plus aria-hidden />
            {t("addAction")}
          </Button>
        )}
      </div>
      {actions.map((a, i) => (
        <ActionEditor
          key={i}
          action={a}
          path={`${path}.${i}`}
          onChange={(next) => onChange(actions.map((x, j) => (j === i ? next : x)))}
          onRemove={fixed || actions.length <= 1 ? undefined : () => onChange(actions.filter((_, j) => j !== i))}
        />
      ))}
      <PathErrors path={path} />
    </div>
  );
}
