"use client";

import { CircleAlert, RotateCw, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ApiError } from "@/lib/queries/api-client";

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

/** A failed query, said plainly: what went wrong (by the API's error code) and a way to try again. */
export function ErrorState({ error, onRetry, className }: ErrorStateProps) {
  const t = useTranslations("errors");
  const api = error instanceof ApiError ? error : null;
  const code = api ? (["not_found", "invalid_request", "internal_error"].includes(api.code) ? api.code : "http_error") : "network";
  return (
    <EmptyState
      className={className}
      tone={code === "not_found" ? "neutral" : "danger"}
      icon={code === "not_found" ? <SearchX /> : <CircleAlert />}
      title={t(`${code}.title`)}
      description={
        <>
          <p>{t(`${code}.description`)}</p>
          {api?.details?.length ? (
            <ul className="mt-2 space-y-0.5 text-left font-mono text-xs">
              {api.details.map((d) => (
                <li key={d.property}>
                  <span className="text-foreground">{d.property}</span>: {d.message}
                </li>
              ))}
            </ul>
          ) : api && code === "http_error" ? (
            <p className="mt-2 font-mono text-xs">{api.message}</p>
          ) : null}
        </>
      }
      action={
        onRetry &&
        code !== "not_found" && (
          <Button onClick={onRetry}>
            <RotateCw aria-hidden />
            {t("retry")}
          </Button>
        )
      }
    />
  );
}
