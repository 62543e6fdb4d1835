"use client";

import { CircleAlert, RotateCw, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describeError } from "@/lib/client/describe-error";
import { ErrorMessage } from "./error-message";

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

// The headline says which kind of failure it is; the text under it explains this code in plain words.
const HEADLINES = new Set(["not_found", "invalid_request", "internal_error", "network"]);

/** A failed query, said plainly: what went wrong (by the API's error code) and a way to try again. */
export function ErrorState({ error, onRetry, className }: ErrorStateProps) {
  const t = useTranslations("errors");
  const { code } = describeError(error);
  const headline = HEADLINES.has(code) ? code : "http_error";
  return (
    <EmptyState
      className={className}
      tone={code === "not_found" ? "neutral" : "danger"}
      icon={code === "not_found" ? <SearchX /> : <CircleAlert />}
      title={t(`${headline}.title`)}
      description={<ErrorMessage error={error} className="[&_ul]:text-left" />}
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
