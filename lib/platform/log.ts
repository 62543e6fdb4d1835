import pino, { type Logger } from "pino";
import { env } from "@/lib/env.js";

// The server's one logger (pino): JSON lines in production, for a log collector; short readable lines in
// development. LOG_LEVEL decides what is written. Whatever is logged passes the redaction below, and
// error messages lose what a database driver appends to them (drizzle puts the query's parameters in its
// message: a webhook's raw body, reply tokens), so neither a secret nor a friend's message reaches a log.

const REDACT = [
  "password",
  "newPassword",
  "currentPassword",
  "secret",
  "token",
  "accessToken",
  "channelSecret",
  "channelAccessToken",
  "authorization",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["x-line-signature"]',
  "*.password",
  "*.secret",
  "*.token",
  "*.authorization",
  "*.cookie",
];

export type Log = Logger;

export function createLog(options: { level?: string; pretty?: boolean; destination?: { write(line: string): void } } = {}): Log {
  const e = env();
  const pretty = options.pretty ?? e.NODE_ENV === "development";
  const destination = options.destination ?? (pretty ? readableLines(process.stdout) : undefined);
  return pino(
    {
      level: options.level ?? e.LOG_LEVEL,
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      base: { pid: process.pid },
    },
    destination ? (destination as pino.DestinationStream) : pino.destination({ sync: false }),
  );
}

/** The process's logger (built on first use; every bundle gets the same output). */
export function log(): Log {
  return (current ??= createLog());
}
let current: Log | undefined;

/** Tests: send this process's log lines somewhere to read them; the returned function puts it back. */
export function replaceLog(replacement: Log): () => void {
  const previous = current;
  current = replacement;
  return () => {
    current = previous;
  };
}

/** An error as logged: its name, its message without query parameters, its code and cause; a stack only for our own bugs. */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrub(String(err)) };
  const cause = (err as { cause?: unknown }).cause;
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    message: scrub(err.message),
    ...(code !== undefined ? { code } : {}),
    ...(cause instanceof Error ? { cause: serializeError(cause) } : {}),
    ...(err.name === "TypeError" || err.name === "ReferenceError" || err.name === "RangeError" ? { stack: err.stack } : {}),
  };
}

// "Failed query: <sql>\nparams: <values>": the statement is useful, its values are people's data.
function scrub(message: string): string {
  const at = message.indexOf("\nparams:");
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [not logged]`;
}

// Development: "12:03:04 ERROR webhook could not store delivery {deliveryId: …} — message".
function readableLines(out: NodeJS.WriteStream) {
  return {
    write(line: string) {
      try {
        const { time, level, msg, pid: _pid, scope, err, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
        const error = err ? ` — ${(err as { message?: string }).message ?? ""}` : "";
        out.write(
          `${String(time).slice(11, 19)} ${String(level).toUpperCase().padEnd(5)} ${scope ? `[${String(scope)}] ` : ""}${String(msg ?? "")}${extra}${error}\n`,
        );
      } catch {
        out.write(line);
      }
    },
  };
}
