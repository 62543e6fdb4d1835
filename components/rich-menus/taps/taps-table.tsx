"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RichMenu } from "@/lib/client/rich-menus";
import type { RichMenuTaps } from "@/lib/client/rich-menu-taps";
import { areaWhat, countable } from "./area-label";

/** The heat map as a table: each area's action, its taps and unique friends here, and LINE's when it gives them. */
export function TapsTable({ id, menu, taps }: { id: string; menu: RichMenu; taps: RichMenuTaps }) {
  const t = useTranslations("richMenus.taps");
  const format = useFormatter();
  const byIndex = new Map(taps.areas.map((a) => [a.index, a]));
  const lineClicks = taps.line.available ? (taps.line.summary?.clicks ?? null) : null;
  const num = (n: number) => format.number(n);
  return (
    <Table id={id} data-testid="taps-table">
      <caption className="sr-only">{t("tableCaption")}</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("col.area")}</TableHead>
          <TableHead scope="col">{t("col.action")}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("col.taps")}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {t("col.friends")}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {t("col.share")}
          </TableHead>
          {lineClicks && (
            <TableHead scope="col" className="text-right">
              {t("col.line")}
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {menu.areas.map((area, i) => {
          const a = byIndex.get(i);
          const counted = countable(area.action);
          const line = lineClicks?.find((c) => sameBounds(c.bounds, area.bounds));
          return (
            <TableRow key={i} data-testid="taps-row">
              <TableCell className="whitespace-nowrap">{t("areaN", { n: i + 1 })}</TableCell>
              <TableCell className="max-w-72">
                <span className="text-muted-foreground">{t(`action.${area.action.type}`)}</span> <span className="break-words">{areaWhat(area.action)}</span>
              </TableCell>
              {counted ? (
                <>
                  <TableCell className="text-right tabular" data-testid="taps-count">
                    {num(a?.taps ?? 0)}
                  </TableCell>
                  <TableCell className="text-right tabular">{num(a?.friends ?? 0)}</TableCell>
                  <TableCell className="text-right tabular">
                    {taps.total > 0 ? format.number((a?.taps ?? 0) / taps.total, { style: "percent", maximumFractionDigits: 0 }) : "—"}
                  </TableCell>
                </>
              ) : (
                <TableCell colSpan={3} className="text-right text-xs text-muted-foreground">
                  {t("uriNotCounted")}
                </TableCell>
              )}
              {lineClicks && (
                <TableCell className="text-right tabular">
                  {line ? t("lineCell", { taps: num(line.metrics.count), friends: num(line.metrics.uniqueUsers) }) : "—"}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function sameBounds(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
