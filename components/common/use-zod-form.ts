"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import {
  get,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "@/lib/client/api-client";
import { detailErrorKey, zodErrorKey } from "@/lib/utils/zod-error-key";

/**
 * A form checked by the same zod schema its route handler parses. Errors carry a catalogue key as their
 * message (see zodKeyResolver), focus goes to the first invalid field after a failed submit, and a field
 * is checked again as it changes once the form has been submitted. `mode: "onTouched"` checks a field
 * as soon as it is left, then at every change: for values with a fixed shape (a channel ID, a secret)
 * that are easy to get wrong by copying, where waiting for the submit wastes a round trip to LINE.
 */
export function useZodForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  defaultValues: DefaultValues<Input>,
  { mode = "onSubmit" }: { mode?: "onSubmit" | "onTouched" } = {},
): UseFormReturn<Input, unknown, Output> {
  return useForm<Input, unknown, Output>({ resolver: zodKeyResolver(schema), defaultValues, shouldFocusError: true, mode });
}

/** zodResolver with each error's message replaced by its catalogue key, named by the code and field. */
export function zodKeyResolver<Input extends FieldValues, Output>(schema: z.ZodType<Output, Input>): Resolver<Input, unknown, Output> {
  const resolve = zodResolver(schema) as unknown as Resolver<Input, unknown, Output>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    return { ...result, errors: keyed(result.errors, [], values) } as typeof result;
  };
}

function keyed<T extends FieldValues>(errors: FieldErrors<T>, path: string[], values: FieldValues): FieldErrors<T> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const error = value as FieldError & Record<string, unknown>;
    out[name] =
      typeof error.type === "string" && "message" in error
        ? { ...error, message: zodErrorKey({ code: error.type, path: [...path, name], input: get(values, [...path, name].join(".")) }) }
        : keyed(error as FieldErrors, [...path, name], values);
  }
  return out as FieldErrors<T>;
}

/**
 * Puts a refused request's field problems on their fields (by the detail's key, never its English
 * message) and focuses the first. Answers true when every problem found its field; otherwise the
 * caller shows the error for the whole form.
 */
export function setServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, error: unknown, fields: readonly Path<T>[]): boolean {
  const details = error instanceof ApiError ? (error.details ?? []) : [];
  const placed = details.filter((d) => (fields as readonly string[]).includes(d.property));
  placed.forEach((d, i) => form.setError(d.property as Path<T>, { type: "server", message: detailErrorKey(d) }, { shouldFocus: i === 0 }));
  return placed.length > 0 && placed.length === details.length;
}

/** The first problem in a nested error (a list's `3`, an object's `tags.values`), or the error itself. */
export function firstError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("type" in error && "message" in error) return error as FieldError;
  for (const inner of Object.values(error)) {
    const found = firstError(inner);
    if (found) return found;
  }
  return undefined;
}

/** A field error's words in the operator's language (its message is a catalogue key). */
export function useFieldErrorText(): (error: FieldError | undefined) => string | undefined {
  const t = useTranslations();
  return useCallback(
    (error: FieldError | undefined) => (error?.message ? (t.has(error.message) ? t(error.message) : t("fieldErrors.invalid")) : undefined),
    [t],
  );
}
