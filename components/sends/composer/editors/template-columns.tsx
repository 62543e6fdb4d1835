"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { setIn } from "@/lib/sends/composer/set-in";
import { Field, PathErrors } from "../field";
import { ActionEditor, blankAction, type ActionObject } from "./action-editor";
import { ActionList } from "./action-list";

type Template = { type: string } & Record<string, unknown>;
type Column = Record<string, unknown>;

/** Carousel and image carousel columns (up to 10). */
export function TemplateColumns({ template, onChange, path }: { template: Template; onChange: (t: Template) => void; path: string }) {
  const t = useTranslations("composer.template");
  const columns = (template.columns as Column[]) ?? [];
  const image = template.type === "image_carousel";
  const setColumn = (i: number, keys: Array<string | number>, value: unknown) => onChange(setIn(template, ["columns", i, ...keys], value));
  const add = () => {
    const last = columns.at(-1);
    const fresh: Column = image
      ? { imageUrl: "", action: blankAction("uri") }
      : {
          ...(last?.thumbnailImageUrl !== undefined ? { thumbnailImageUrl: "" } : {}),
          ...(last?.title !== undefined ? { title: "" } : {}),
          text: "",
          actions: ((last?.actions as ActionObject[]) ?? [blankAction("message")]).map((a) => blankAction(a.type)),
        };
    onChange({ ...template, columns: [...columns, fresh] });
  };

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted-foreground">{t("columns", { count: columns.length })}</span>
        {columns.length < 10 && (
          <Button size="xs" onClick={add}>
            <Plus aria-hidden />
            {t("addColumn")}
          </Button>
        )}
      </div>
      <PathErrors path={`${path}.columns`} />
      <ol className="space-y-3">
        {columns.map((c, i) => (
          <li key={i} className="space-y-3 rounded-lg border border-border p-3">
            <div className="flex items-center justify-between">
              <span className="text-xs font-semibold">{t("column", { n: i + 1 })}</span>
              {columns.length > 1 && (
                <Button
                  size="icon-sm"
                  variant="subtle"
                  aria-label={t("removeColumn", { n: i + 1 })}
                  onClick={() => onChange({ ...template, columns: columns.filter((_, j) => j !== i) })}
                >
                  <Trash2 aria-hidden />
                </Button>
              )}
            </div>
            {image ? (
              <>
                <Field label={t("imageUrl")} path={`${path}.columns.${i}.imageUrl`}>
                  {(p) => (
                    <Input {...p} placeholder="https://" value={String(c.imageUrl ?? "")} onChange={(e) => setColumn(i, ["imageUrl"], e.target.value.trim())} />
                  )}
                </Field>
                <ActionEditor
                  action={(c.action as ActionObject) ?? blankAction("uri")}
                  path={`${path}.columns.${i}.action`}
                  onChange={(a) => setColumn(i, ["action"], a)}
                />
              </>
            ) : (
              <>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label={t("imageUrl")} path={`${path}.columns.${i}.thumbnailImageUrl`}>
                    {(p) => (
                      <Input
                        {...p}
                        placeholder="https://"
                        value={String(c.thumbnailImageUrl ?? "")}
                        onChange={(e) => setColumn(i, ["thumbnailImageUrl"], e.target.value.trim())}
                      />
                    )}
                  </Field>
                  <Field label={t("title")} path={`${path}.columns.${i}.title`} count={{ used: String(c.title ?? "").length, max: 40 }}>
                    {(p) => <Input {...p} value={String(c.title ?? "")} onChange={(e) => setColumn(i, ["title"], e.target.value)} />}
                  </Field>
                </div>
                <Field
                  label={t("text")}
                  path={`${path}.columns.${i}.text`}
                  count={{ used: String(c.text ?? "").length, max: c.thumbnailImageUrl || c.title ? 60 : 120 }}
                >
                  {(p) => <Textarea {...p} rows={2} value={String(c.text ?? "")} onChange={(e) => setColumn(i, ["text"], e.target.value)} />}
                </Field>
                <ActionList
                  actions={(c.actions as ActionObject[]) ?? []}
                  onChange={(a) => setColumn(i, ["actions"], a)}
                  path={`${path}.columns.${i}.actions`}
                  max={3}
                />
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
