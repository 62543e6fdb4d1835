import type { JobHandler } from "./job-worker";

/**
 * The background jobs one feature brings: a handler per job kind, and which of its kinds must not wait
 * behind a backlog of others (media LINE deletes after a while, an audience an operator is watching).
 */
export interface FeatureJobs {
  handlers: Record<string, JobHandler>;
  urgent?: readonly string[];
}

/** Every feature's jobs in one registry, split into the two lanes the background runner works. */
export function jobRegistry(features: FeatureJobs[]) {
  const handlers: Record<string, JobHandler> = {};
  const urgentKinds = new Set<string>();
  for (const f of features) {
    for (const [kind, handler] of Object.entries(f.handlers)) {
      if (handlers[kind]) throw new Error(`Two features handle the job kind "${kind}"`);
      handlers[kind] = handler;
    }
    for (const kind of f.urgent ?? []) urgentKinds.add(kind);
  }
  const lane = (urgent: boolean) => Object.fromEntries(Object.entries(handlers).filter(([kind]) => urgentKinds.has(kind) === urgent));
  return { handlers, normal: lane(false), urgent: lane(true) };
}
