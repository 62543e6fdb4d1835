"use client";

import { CornerDownLeft, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Kbd } from "@/components/ui/kbd";
import { cn } from "@/lib/utils/cn";
import { isComposing } from "@/lib/utils/is-composing";
import { usePaletteCommands, type PaletteCommand } from "./palette-commands";

/** The palette's contents: loaded when it first opens (command-palette-provider.tsx). */
export function Palette({ onClose }: { onClose: () => void }) {
  const t = useTranslations("palette");
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const commands = usePaletteCommands(query);
  const results = useMemo(() => filterCommands(commands, query), [commands, query]);
  const groups = groupBy(results);

  const run = useCallback(
    (command: PaletteCommand | undefined) => {
      if (!command) return;
      onClose();
      command.perform();
    },
    [onClose],
  );

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      setActive(results.length ? (to + results.length) % results.length : 0);
    };
    if (e.key === "ArrowDown") move(active + 1);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "PageDown") move(Math.min(active + 5, results.length - 1));
    else if (e.key === "PageUp") move(Math.max(active - 5, 0));
    else if (e.key === "Enter" && !isComposing(e)) {
      e.preventDefault();
      run(results[active]);
    }
  };

  return (
    <div className="flex max-h-[min(32rem,76vh)] flex-col" onKeyDown={onKeyDown}>
      <div className="flex items-center gap-2.5 border-b border-border px-4">
        <Search className="size-4 shrink-0 text-subtle-foreground" aria-hidden />
        <input
          autoFocus
          role="combobox"
          aria-expanded
          aria-controls={`${id}-list`}
          aria-activedescendant={results[active] ? `${id}-${active}` : undefined}
          aria-autocomplete="list"
          aria-label={t("label")}
          placeholder={t("placeholder")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-subtle-foreground"
        />
        <Kbd>Esc</Kbd>
      </div>
      <div ref={listRef} id={`${id}-list`} role="listbox" aria-label={t("label")} className="min-h-0 flex-1 overflow-y-auto p-1.5 scrollbar-thin">
        {results.length === 0 && <p className="px-3 py-8 text-center text-sm text-muted-foreground">{t("noResults", { query })}</p>}
        {groups.map(([group, items]) => (
          <div key={group} role="group" aria-labelledby={`${id}-g-${group}`} className="pb-1">
            <div id={`${id}-g-${group}`} className="px-2.5 pt-2 pb-1 text-2xs font-medium tracking-wider text-subtle-foreground uppercase">
              {t(`groups.${group}`)}
            </div>
            {items.map(({ command, index }) => {
              const Icon = command.icon;
              return (
                <div
                  key={command.id}
                  id={`${id}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  data-index={index}
                  onMouseMove={() => setActive(index)}
                  onClick={() => run(command)}
                  className={cn(
                    "flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-2 text-sm",
                    index === active ? "bg-hover text-foreground" : "text-foreground/90",
                  )}
                >
                  <Icon aria-hidden className={cn("size-4 shrink-0", index === active ? "text-primary" : "text-subtle-foreground")} />
                  <span className="min-w-0 flex-1 truncate">{command.label}</span>
                  {command.hint && <span className="shrink-0 truncate text-xs text-subtle-foreground">{command.hint}</span>}
                  {index === active && <CornerDownLeft aria-hidden className="size-3.5 shrink-0 text-subtle-foreground" />}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="flex items-center gap-4 border-t border-border bg-muted/50 px-4 py-2 text-xs text-muted-foreground">
        <span className="flex items-center gap-1.5">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd>
          {t("hintMove")}
        </span>
        <span className="flex items-center gap-1.5">
          <Kbd>↵</Kbd>
          {t("hintRun")}
        </span>
        <span className="ml-auto flex items-center gap-1.5">
          <Kbd>Esc</Kbd>
          {t("hintClose")}
        </span>
      </div>
    </div>
  );
}

function filterCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().normalize("NFKC").split(/\s+/).filter(Boolean);
  if (words.length === 0) return commands.filter((c) => !c.onlyWhenSearching);
  return commands.filter((c) => {
    if (c.onlyWhenSearching) return true;
    const haystack = `${c.label} ${c.keywords ?? ""}`.toLowerCase().normalize("NFKC");
    return words.every((w) => haystack.includes(w));
  });
}

function groupBy(commands: PaletteCommand[]) {
  const groups = new Map<PaletteCommand["group"], Array<{ command: PaletteCommand; index: number }>>();
  commands.forEach((command, index) => {
    const list = groups.get(command.group) ?? [];
    list.push({ command, index });
    groups.set(command.group, list);
  });
  return [...groups.entries()];
}
