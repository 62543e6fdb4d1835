"use client";

import { FolderPlus, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { blankCondition, emptyGroup, type Condition, type Group, type GroupOp, type TreeNode } from "@/lib/sends/composer/targeting-tree";
import { cn } from "@/lib/utils/cn";
import { BuilderCondition } from "./builder-condition";

export type BuilderMode = "demographic" | "recipient";

const KINDS: Record<BuilderMode, Condition["kind"][]> = {
  demographic: ["gender", "age", "area", "appType", "subscriptionPeriod"],
  recipient: ["audience", "redelivery"],
};

interface BuilderGroupProps {
  group: Group;
  mode: BuilderMode;
  depth: number;
  onChange: (g: Group) => void;
  onRemove?: () => void;
}

/** A group of conditions joined by all of (AND) / any of (OR) / none of (NOT), nestable. */
export function BuilderGroup({ group, mode, depth, onChange, onRemove }: BuilderGroupProps) {
  const t = useTranslations("composer.builder");
  const setChild = (id: string, next: TreeNode | null) =>
    onChange({ ...group, children: next ? group.children.map((c) => (c.id === id ? next : c)) : group.children.filter((c) => c.id !== id) });
  const add = (node: TreeNode) => onChange({ ...group, children: [...group.children, node] });

  return (
    <div
      data-testid="builder-group"
      data-op={group.op}
      className={cn("space-y-2 rounded-lg border p-2.5", depth === 0 ? "border-border bg-surface" : "border-dashed", opTone[group.op])}
    >
      <div className="flex flex-wrap items-center gap-2">
        <ToggleGroup<GroupOp>
          size="sm"
          label={t("groupOp")}
          value={group.op}
          onValueChange={(op) => onChange({ ...group, op })}
          items={(["and", "or", "not"] as const).map((op) => ({ value: op, label: t(`ops.${op}`) }))}
        />
        <span className="text-2xs text-subtle-foreground">{t(`opHint.${group.op}`)}</span>
        {onRemove && (
          <Button size="icon-sm" variant="subtle" className="ml-auto" aria-label={t("removeGroup")} onClick={onRemove}>
            <Trash2 aria-hidden />
          </Button>
        )}
      </div>
      {group.children.length === 0 && <p className="px-1 py-2 text-xs text-muted-foreground">{t(depth === 0 ? `empty.${mode}` : "emptyGroup")}</p>}
      <ul className="space-y-2">
        {group.children.map((c) => (
          <li key={c.id}>
            {c.kind === "group" ? (
              <BuilderGroup group={c} mode={mode} depth={depth + 1} onChange={(g) => setChild(c.id, g)} onRemove={() => setChild(c.id, null)} />
            ) : (
              <BuilderCondition node={c} onChange={(n) => setChild(c.id, n)} onRemove={() => setChild(c.id, null)} />
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <DropdownMenu
          label={t("addCondition")}
          trigger={
            <Button size="sm">
              <Plus aria-hidden />
              {t("addCondition")}
            </Button>
          }
        >
          {KINDS[mode].map((kind) => (
            <DropdownMenuItem key={kind} onSelect={() => add(blankCondition(kind))}>
              {t(`kinds.${kind}`)}
            </DropdownMenuItem>
          ))}
        </DropdownMenu>
        {depth < 3 && (
          <Button size="sm" variant="subtle" onClick={() => add(emptyGroup(group.op === "or" ? "and" : "or"))}>
            <FolderPlus aria-hidden />
            {t("addGroup")}
          </Button>
        )}
      </div>
    </div>
  );
}

const opTone: Record<GroupOp, string> = {
  and: "",
  or: "border-info/40 bg-info-soft/20",
  not: "border-danger/40 bg-danger-soft/20",
};
