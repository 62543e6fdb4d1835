// The one place that reads process.env. Plain JavaScript so that next.config.js, the launcher and the
// benchmarks can import it before anything is compiled. Every variable is documented in .env.example.
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

// How many reverse proxies stand in front of the server (their X-Forwarded-* headers are believed, and
// the client is the address the farthest of them saw). 1/true/yes is one proxy, the common case.
const proxyHops = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(/^(|\d{1,2}|true|false|yes|no)$/, "must be the number of proxies in front of the server (0–10), or true/false")
      .transform((v) => (v === "true" || v === "yes" ? 1 : v === "" || v === "false" || v === "no" ? 0 : Number(v)))
      .pipe(z.number().max(10, "must be the number of proxies in front of the server (0–10), or true/false")),
  );

// An address to listen on: a host name or an IPv4/IPv6 literal (brackets allowed).
const hostname = z
  .string()
  .max(253)
  .regex(/^(\[[0-9a-f:.%\w]+\]|[0-9a-z.:%_-]+)$/i, "must be a host name or an IP address such as 127.0.0.1 or ::")
  .transform((v) => v.replace(/^\[(.*)\]$/, "$1"));

// Days to keep something: a whole number, 0 (or empty) to keep it for good.
const retainDays = (fallback) =>
  optionalString.pipe(
    z.coerce
      .number({ error: "must be a number of days (0 keeps it for good)" })
      .int("must be a whole number of days")
      .min(0, "must be a number of days (0 keeps it for good)")
      .max(36_500, "must be at most 36500 days (0 keeps it for good)")
      .default(fallback),
  );

const httpUrl = z
  .string()
  .url("must be a URL such as https://api.line.me")
  .refine((v) => /^https?:\/\//.test(v), "must start with http:// or https://");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: optionalString.pipe(hostname.optional()),
    APP_URL: optionalString.pipe(httpUrl.optional()),

    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
        .optional(),
    ),
    PGLITE_DATA_DIR: optionalString.transform((v) => v ?? ".data/pglite"),

    LINE_CHANNEL_ID: optionalString.pipe(z.string().regex(/^\d+$/, "must be the numeric channel id").optional()),
    LINE_CHANNEL_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9a-f]{32}$/i, "must be the 32-character channel secret")
        .optional(),
    ),
    LINE_CHANNEL_ACCESS_TOKEN: optionalString.pipe(z.string().min(20, "looks too short to be a channel access token").optional()),
    LINE_API_BASE_URL: optionalString.pipe(httpUrl.optional()).transform((v) => v ?? "https://api.line.me"),
    LINE_DATA_API_BASE_URL: optionalString.pipe(httpUrl.optional()).transform((v) => v ?? "https://api-data.line.me"),

    DEMO_MODE: bool,
    FAKE_LINE_URL: optionalString.pipe(httpUrl.optional()),
    // Set by the launcher in demo mode: the sample bot (examples/echo-bot) relay forwards to.
    DEMO_ECHO_BOT_URL: optionalString.pipe(httpUrl.optional()),
    // On unless turned off: a demo that shows nothing happening until one finds the simulator is no demo.
    DEMO_TRAFFIC: z
      .enum(["1", "0", "true", "false", "yes", "no", ""])
      .optional()
      .transform((v) => v === undefined || v === "" || v === "1" || v === "true" || v === "yes"),
    // Where the launcher runs that sample bot in demo mode; 0 leaves it off.
    ECHO_BOT_PORT: optionalString.pipe(z.coerce.number().int().min(0).max(65535).default(4020)),

    BETTER_AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional()),
    // Seals channel secrets, access tokens and relay secrets in the database (lib/platform/secret-box.ts).
    // Unset: derived from BETTER_AUTH_SECRET. To rotate, move the old one to SECRETS_KEY_PREVIOUS, set a
    // new one, restart, and run `npm run admin -- rotate-secrets`.
    SECRETS_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional()),
    SECRETS_KEY_PREVIOUS: optionalString.pipe(z.string().min(32, "must be at least 32 characters (the key it replaces)").optional()),
    ADMIN_EMAIL: optionalString.pipe(z.string().email("must be an email address").optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, "must be at least 12 characters").optional()),
    TRUST_PROXY: proxyHops,

    MEDIA_STORAGE: z.enum(["database", "directory"]).default("database"),
    MEDIA_DIR: optionalString.transform((v) => v ?? ".data/media"),
    MEDIA_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(50 * 1024 * 1024),

    // Relay to the team's own bots: http:// and private addresses (local development; on by default in
    // demo mode, whose sample bot runs on this machine), and how long a delivery is retried.
    RELAY_ALLOW_PRIVATE_URLS: z.enum(["1", "0", "true", "false", "yes", "no", ""]).optional(),
    RELAY_RETRY_HOURS: z.coerce.number().min(0.01).max(168, "must be at most 168 hours (a week)").default(24),

    // Scheduled sends (lib/campaigns/scheduler.ts): one found later than this (the console was down at its
    // time) is not started but waits for a person to send or cancel it; a start later than its time but
    // within this is made and marked late.
    SCHEDULE_LATE_GRACE_MINUTES: optionalString.pipe(
      z.coerce
        .number({ error: "must be a number of minutes" })
        .min(0, "must be a number of minutes (0: always ask)")
        .max(10_080, "must be at most 10080 minutes (a week)")
        .default(30),
    ),

    // Retention (lib/retention/): how many days each kind of data is kept, 0 for good.
    RETAIN_DELIVERY_BODIES_DAYS: retainDays(30),
    RETAIN_REJECTED_DELIVERIES_DAYS: retainDays(30),
    RETAIN_EVENTS_DAYS: retainDays(0),
    RETAIN_RELAY_LOG_DAYS: retainDays(30),
    RETAIN_MEDIA_DAYS: retainDays(0),

    // Not read by the server: the admin API key `npm run admin -- backup` asks the running console with.
    CONSOLE_API_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^oak_[0-9A-Za-z]{32}$/, "must be an API key (oak_…, from Settings → API keys, role admin, for every channel)")
        .optional(),
    ),

    BENCH_ROUTES: bool,

    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.LINE_CHANNEL_SECRET) !== Boolean(v.LINE_CHANNEL_ACCESS_TOKEN)) {
      const missing = v.LINE_CHANNEL_SECRET ? "LINE_CHANNEL_ACCESS_TOKEN" : "LINE_CHANNEL_SECRET";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "is required when the other LINE credential is set (set both, or neither for demo mode)",
      });
    }
    if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
      const missing = v.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required when the other is set" });
    }
    if (v.DEMO_MODE && !v.FAKE_LINE_URL) {
      ctx.addIssue({ code: "custom", path: ["FAKE_LINE_URL"], message: "is required in demo mode" });
    }
    if (v.DEMO_MODE && v.LINE_API_BASE_URL.startsWith("https://api.line.me")) {
      ctx.addIssue({
        code: "custom",
        path: ["LINE_API_BASE_URL"],
        message: "must point at the fake LINE platform in demo mode, never at LINE itself",
      });
    }
  });

export class EnvError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

/**
 * Parses and validates an environment. Throws EnvError naming each bad variable.
 * @param {Record<string, string | undefined>} source
 */
export function parseEnv(source = process.env) {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${String(i.path[0] ?? "env")} ${i.message}`));
  }
  const v = result.data;
  return Object.freeze({
    ...v,
    APP_URL: v.APP_URL ?? `http://localhost:${v.PORT}`,
    databaseKind: /** @type {"postgres" | "pglite"} */ (v.DATABASE_URL ? "postgres" : "pglite"),
    lineConfigured: Boolean(v.LINE_CHANNEL_SECRET && v.LINE_CHANNEL_ACCESS_TOKEN),
    relayAllowPrivate:
      v.RELAY_ALLOW_PRIVATE_URLS === undefined || v.RELAY_ALLOW_PRIVATE_URLS === "" ? v.DEMO_MODE : ["1", "true", "yes"].includes(v.RELAY_ALLOW_PRIVATE_URLS),
  });
}

/** @typedef {ReturnType<typeof parseEnv>} Env */

/** @type {Env | undefined} */
let cached;

/** The validated environment of this process, parsed once. */
export function env() {
  cached ??= parseEnv();
  return cached;
}

/** Forget the parsed environment (tests that change process.env call this). */
export function resetEnvCache() {
  cached = undefined;
}
