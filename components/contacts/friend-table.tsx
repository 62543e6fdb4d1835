"use client";

import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useConsoleRouter } from "@/components/common/console-link";
import { useEffect, useRef } from "react";
import { RelativeTime } from "@/components/common/relative-time";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FriendItem } from "@/lib/contacts/serialize";
import { cn } from "@/lib/utils/cn";
import { FriendAvatar } from "./friend-avatar";
import { FriendStatusBadge } from "./friend-status-badge";
import { useLanguageName } from "./language-name";

interface FriendTableProps {
  friends: FriendItem[];
  selected: ReadonlySet<string>;
  onToggle: (userId: string) => void;
  onToggleAll: (select: boolean) => void;
  selectable: boolean;
}

/** One row per friend: who, status, tags, language, when last active and first seen. */
export function FriendTable({ friends, selected, onToggle, onToggleAll, selectable }: FriendTableProps) {
  const t = useTranslations("contacts.table");
  const router = useConsoleRouter();
  const languageName = useLanguageName();
  const allSelected = friends.length > 0 && friends.every((f) => selected.has(f.userId));
  const someSelected = !allSelected && friends.some((f) => selected.has(f.userId));
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = someSelected;
  }, [someSelected]);

  return (
    <Table>
      <TableHeader>
        <TableRow className="bg-muted/40">
          {selectable && (
            <TableHead className="w-10 pr-0">
              <Checkbox ref={headerBox} aria-label={t("selectAll")} checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
            </TableHead>
          )}
          <TableHead className="w-full min-w-56">{t("friend")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead className="hidden min-w-44 md:table-cell">{t("tags")}</TableHead>
          <TableHead className="hidden xl:table-cell">{t("language")}</TableHead>
          <TableHead>{t("lastActive")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("firstSeen")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("open")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {friends.map((f) => {
          const isSelected = selected.has(f.userId);
          const name = f.displayName ?? t("noName");
          return (
            <TableRow
              key={f.userId}
              data-user-id={f.userId}
              aria-selected={selectable ? isSelected : undefined}
              className={cn("group cursor-pointer hover:bg-hover", isSelected && "bg-selected hover:bg-selected")}
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest("a, input, label, button")) router.push(`/contacts/${f.userId}`);
              }}
            >
              {selectable && (
                <TableCell className="pr-0">
                  <Checkbox aria-label={t("select", { name })} checked={isSelected} onChange={() => onToggle(f.userId)} />
                </TableCell>
              )}
              <TableCell className="max-w-0">
                <div className="flex min-w-0 items-center gap-3">
                  <FriendAvatar id={f.userId} name={f.displayName} pictureUrl={f.pictureUrl} />
                  <div className="min-w-0">
                    <Link
                      href={`/contacts/${f.userId}`}
                      className={cn(
                        "block truncate rounded-sm font-medium hover:underline focus-visible:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                        !f.displayName && "text-muted-foreground italic",
                      )}
                    >
                      {name}
                    </Link>
                    <p className="truncate text-xs text-muted-foreground" title={f.statusMessage ?? f.userId}>
                      {f.statusMessage ?? <span className="font-mono">{f.userId}</span>}
                    </p>
                  </div>
                </div>
              </TableCell>
              <TableCell>
                <FriendStatusBadge status={f.status} />
              </TableCell>
              <TableCell className="hidden max-w-64 md:table-cell">
                <div className="flex flex-wrap gap-1">
                  {f.tags.slice(0, 4).map((tag) => (
                    <span key={tag} className="rounded border border-border px-1.5 text-xs leading-5 whitespace-nowrap text-muted-foreground">
                      {tag}
                    </span>
                  ))}
                  {f.tags.length > 4 && <span className="text-xs leading-5 text-subtle-foreground">+{f.tags.length - 4}</span>}
                </div>
              </TableCell>
              <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground xl:table-cell">{languageName(f.language) || "—"}</TableCell>
              <TableCell className="text-sm whitespace-nowrap">
                {f.lastActiveAt ? <RelativeTime value={f.lastActiveAt} /> : <span className="text-subtle-foreground">{t("never")}</span>}
              </TableCell>
              <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground lg:table-cell">
                <RelativeTime value={f.firstSeenAt} />
              </TableCell>
              <TableCell className="pl-0">
                <ChevronRight aria-hidden className="size-4 text-subtle-foreground group-hover:text-foreground" />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
