"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SendDetail } from "@/lib/sends/serialize";
import { LineFailure, type LineFailureInfo } from "./line-failure";

const CHUNK_TONE: Record<string, BadgeTone> = { pending: "neutral", accepted: "success", failed: "danger" };
const OUTCOME_TONE: Record<string, BadgeTone> = { accepted: "success", duplicate: "info", retry: "warning", wait: "warning", failed: "danger" };

/** Each LINE request of the send (a multicast is split into 500s) and every attempt at it. */
export function SendRequests({ send }: { send: SendDetail }) {
  const t = useTranslations("sends.requests");
  const format = useFormatter();
  const seqOf = new Map(send.chunks.map((c) => [c.id, c.seq]));
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title", { count: send.chunks.length })}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <div className="overflow-x-auto scrollbar-thin">
          <Table aria-label={t("title", { count: send.chunks.length })} data-testid="chunk-table">
            <TableHeader>
              <TableRow>
                <TableHead>#</TableHead>
                {send.kind === "multicast" && <TableHead className="text-right">{t("recipients")}</TableHead>}
                <TableHead>{t("status")}</TableHead>
                <TableHead className="text-right">{t("attempts")}</TableHead>
                <TableHead>{t("requestId")}</TableHead>
                <TableHead>{t("retryKey")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {send.chunks.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="tabular">{c.seq + 1}</TableCell>
                  {send.kind === "multicast" && <TableCell className="tabular text-right">{format.number(c.recipientCount)}</TableCell>}
                  <TableCell>
                    <Badge tone={CHUNK_TONE[c.status] ?? "neutral"}>{t(`chunkStatus.${c.status}`)}</Badge>
                  </TableCell>
                  <TableCell className="tabular text-right">{c.attempts}</TableCell>
                  <TableCell className="font-mono text-2xs">
                    {c.lineRequestId ?? "—"}
                    {c.acceptedRequestId && (
                      <span className="block text-muted-foreground" title={t("acceptedHint")}>
                        {t("accepted")}: {c.acceptedRequestId}
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="font-mono text-2xs text-muted-foreground">{c.retryKey}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {send.attempts.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-xs font-semibold text-muted-foreground">{t("attemptLog")}</h3>
            <ol className="space-y-1.5">
              {send.attempts.map((a) => (
                <li key={`${a.chunkId}-${a.attempt}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-border px-3 py-2 text-xs">
                  <span className="tabular text-muted-foreground">{format.dateTime(new Date(a.startedAt), { timeStyle: "medium" })}</span>
                  <span>{t("attemptOf", { n: a.attempt, request: (seqOf.get(a.chunkId) ?? 0) + 1 })}</span>
                  <Badge tone={OUTCOME_TONE[a.outcome] ?? "neutral"}>{t.has(`outcomes.${a.outcome}`) ? t(`outcomes.${a.outcome}`) : a.outcome}</Badge>
                  {a.httpStatus !== null && <span className="font-mono">HTTP {a.httpStatus}</span>}
                  {a.durationMs !== null && <span className="tabular text-muted-foreground">{t("duration", { ms: a.durationMs })}</span>}
                  {a.lineRequestId && <span className="font-mono text-2xs text-muted-foreground">{a.lineRequestId}</span>}
                  {a.error ? <LineFailure error={a.error as LineFailureInfo} compact className="w-full text-danger" /> : null}
                </li>
              ))}
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
