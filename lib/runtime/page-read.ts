import "server-only";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import type { Role } from "@/lib/auth/require-actor";
import { HttpError } from "@/lib/platform/http/errors";
import { requirePageActor } from "./page-context";
import { getRuntime } from "./runtime";

// A page's server render reads its data with the very function its GET route calls (lib/<feature>/
// read.ts), from URL filters parsed with the route's own zod schema, and hands the answer to TanStack
// Query — the browser then continues with lib/client/ over HTTP. No route handler is called in-process.

/**
 * What a page reads with: the signed-in member on the page's channel (checked once per render, shared
 * with the layout), the channel and the database.
 */
export async function pageReads(params: Promise<unknown>, role: Role = "viewer", options: { scope?: "channel" | "console" } = {}) {
  const actor = await requirePageActor(params, role, options);
  const { db } = await getRuntime();
  return { actor, db, channel: actor.channel, channelId: actor.channel.id };
}

/** Search parameters as a route's schema reads them (parseSearchParams does the same with a Request). */
export function searchObject(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries(search);
}

/** A read that finds nothing (the read's 404 or a malformed id's 400) is the page's not-found. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof HttpError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}

/** Put a read's answer where the browser's query looks, as its GET route would have answered it (JSON). */
export function hydrate(queryClient: QueryClient, options: { queryKey: QueryKey }, data: unknown) {
  queryClient.setQueryData(options.queryKey, asJson(data));
}

/** The same for the first page of an infinite list. */
export function hydrateFirstPage(queryClient: QueryClient, options: { queryKey: QueryKey; initialPageParam: unknown }, page: unknown) {
  queryClient.setQueryData(options.queryKey, { pages: [asJson(page)], pageParams: [options.initialPageParam] });
}

// Dates as ISO strings, undefined fields gone: exactly what Response.json would have sent.
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
