// Command-line flags and FAKE_LINE_* environment variables → FakeLineOptions. A flag wins over its
// environment variable; both fall back to the defaults in options.ts.
import { readFileSync } from "node:fs";
import { parseChannelFlag } from "./channels/channel-flag";
import { PRESETS, type FakeLineOptions } from "./options";

type Kind = "int" | "number" | "share" | "string" | "bool" | "quota" | "preset" | "channel" | "channels-file";

type Spec = { flag: string; env: string; key: keyof FakeLineOptions | "verbose"; kind: Kind; help: string };

export const CLI_SPECS: readonly Spec[] = [
  { flag: "port", env: "FAKE_LINE_PORT", key: "port", kind: "int", help: "port to listen on (0 = random) [4010]" },
  { flag: "host", env: "FAKE_LINE_HOST", key: "host", kind: "string", help: "interface to bind [127.0.0.1]" },
  { flag: "public-url", env: "FAKE_LINE_PUBLIC_URL", key: "publicUrl", kind: "string", help: "base URL used in picture URLs [http://host:port]" },
  { flag: "seed", env: "FAKE_LINE_SEED", key: "seed", kind: "int", help: "world seed [42]" },
  { flag: "friends", env: "FAKE_LINE_FRIENDS", key: "friends", kind: "int", help: "number of friends in the world [3000]" },
  { flag: "channel-secret", env: "FAKE_LINE_CHANNEL_SECRET", key: "channelSecret", kind: "string", help: "channel secret (32 hex) [demo value]" },
  { flag: "channel-access-token", env: "FAKE_LINE_CHANNEL_ACCESS_TOKEN", key: "channelAccessToken", kind: "string", help: "channel access token [demo value]" },
  { flag: "webhook-url", env: "FAKE_LINE_WEBHOOK_URL", key: "webhookUrl", kind: "string", help: "where to deliver webhooks [none]" },
  { flag: "redelivery", env: "FAKE_LINE_REDELIVERY", key: "redelivery", kind: "bool", help: "redeliver failed webhooks [false]" },
  {
    flag: "redelivery-interval-ms",
    env: "FAKE_LINE_REDELIVERY_INTERVAL_MS",
    key: "redeliveryIntervalMs",
    kind: "int",
    help: "first redelivery delay, doubling [5000]",
  },
  {
    flag: "redelivery-max-attempts",
    env: "FAKE_LINE_REDELIVERY_MAX_ATTEMPTS",
    key: "redeliveryMaxAttempts",
    kind: "int",
    help: "redeliveries before giving up [5]",
  },
  { flag: "webhook-timeout-ms", env: "FAKE_LINE_WEBHOOK_TIMEOUT_MS", key: "webhookTimeoutMs", kind: "int", help: "webhook response timeout [2000]" },
  {
    flag: "narrowcast-phase-ms",
    env: "FAKE_LINE_NARROWCAST_PHASE_MS",
    key: "narrowcastPhaseMs",
    kind: "int",
    help: "duration of each narrowcast phase [3000]",
  },
  { flag: "audience-ready-ms", env: "FAKE_LINE_AUDIENCE_READY_MS", key: "audienceReadyMs", kind: "int", help: "IN_PROGRESS → READY delay of audiences [2000]" },
  {
    flag: "content-preparing-ms",
    env: "FAKE_LINE_CONTENT_PREPARING_MS",
    key: "contentPreparingMs",
    kind: "int",
    help: "video/audio content answers 202 this long [3000]",
  },
  { flag: "time-scale", env: "FAKE_LINE_TIME_SCALE", key: "timeScale", kind: "number", help: "fake time runs this many times faster [1]" },
  { flag: "quota", env: "FAKE_LINE_QUOTA", key: "monthlyQuota", kind: "quota", help: "monthly message quota, or 'none' [50000]" },
  { flag: "rate-limits", env: "FAKE_LINE_RATE_LIMITS", key: "rateLimiting", kind: "bool", help: "enforce LINE's rate limits [true]" },
  { flag: "request-log-limit", env: "FAKE_LINE_REQUEST_LOG_LIMIT", key: "requestLogLimit", kind: "int", help: "requests kept in the request log [1000]" },
  { flag: "inbox-limit", env: "FAKE_LINE_INBOX_LIMIT", key: "inboxLimit", kind: "int", help: "entries kept per inbox [500]" },
  { flag: "open-rate", env: "FAKE_LINE_OPEN_RATE", key: "openRate", kind: "share", help: "share of recipients who open a message by themselves, 0–1 [0.6]" },
  { flag: "click-rate", env: "FAKE_LINE_CLICK_RATE", key: "clickRate", kind: "share", help: "share of openers who tap a link in it, 0–1 [0.3]" },
  {
    flag: "aggregation-unit-limit",
    env: "FAKE_LINE_AGGREGATION_UNIT_LIMIT",
    key: "aggregationUnitLimit",
    kind: "int",
    help: "different aggregation unit names per month [1000]",
  },
  {
    flag: "statistics-delay-ms",
    env: "FAKE_LINE_STATISTICS_DELAY_MS",
    key: "statisticsDelayMs",
    kind: "int",
    help: "statistics lag this far behind what friends do [0]",
  },
  {
    flag: "rich-menu-insight",
    env: "FAKE_LINE_RICH_MENU_INSIGHT",
    key: "richMenuInsight",
    kind: "bool",
    help: "rich menu statistics are available (else 403 as for most accounts) [false]",
  },
  {
    flag: "rich-menu-batch-ms",
    env: "FAKE_LINE_RICH_MENU_BATCH_MS",
    key: "richMenuBatchMs",
    kind: "int",
    help: "a rich menu batch reports 'ongoing' this long [2000]",
  },
  { flag: "channels", env: "FAKE_LINE_CHANNELS", key: "channels", kind: "int", help: "number of channels, all under one provider [1]" },
  {
    flag: "channel",
    env: "FAKE_LINE_CHANNEL_SPECS",
    key: "channels",
    kind: "channel",
    help: "one channel, key=value pairs (repeat per channel; env: ';' between channels) [none]",
  },
  {
    flag: "channels-file",
    env: "FAKE_LINE_CHANNELS_FILE",
    key: "channels",
    kind: "channels-file",
    help: "JSON file: an array of channel specs (wins over --channels) [none]",
  },
  { flag: "preset", env: "FAKE_LINE_PRESET", key: "preset", kind: "preset", help: `built-in channels: ${PRESETS.join(", ")} [none]` },
  { flag: "verbose", env: "FAKE_LINE_VERBOSE", key: "verbose", kind: "bool", help: "log every request and webhook [false]" },
];

export type CliResult = { options: FakeLineOptions; verbose: boolean; help: boolean };

export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): CliResult {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument: ${arg}`);
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const negated = rawName.startsWith("no-") && !CLI_SPECS.some((s) => s.flag === rawName);
    const name = negated ? rawName.slice(3) : rawName;
    const spec = CLI_SPECS.find((s) => s.flag === name);
    if (!spec) throw new Error(`Unknown flag --${rawName} (see --help)`);
    seen.add(spec.flag);
    if (spec.kind === "bool") {
      values.set(spec.flag, negated ? "false" : (inline ?? "true"));
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    // --channel repeats, one per channel: kept together as the environment variable writes them.
    const previous = values.get(spec.flag);
    values.set(spec.flag, spec.kind === "channel" && previous !== undefined ? `${previous};${value}` : value);
  }
  const options: Record<string, unknown> = {};
  let verbose = false;
  for (const spec of CLI_SPECS) {
    const raw = seen.has(spec.flag) ? values.get(spec.flag) : env[spec.env];
    if (raw === undefined || raw === "") continue;
    const value = convert(spec, raw);
    if (spec.key === "verbose") verbose = value as boolean;
    else options[spec.key] = value;
  }
  return { options: options as FakeLineOptions, verbose, help };
}

export function usage(): string {
  const lines = CLI_SPECS.map((s) => `  --${s.flag.padEnd(26)} ${s.env.padEnd(36)} ${s.help}`);
  return [
    "Usage: npm run fake-line -- [flags]",
    "",
    "  flag                         environment variable                 meaning [default]",
    ...lines,
    "",
    "Booleans take --flag, --no-flag or --flag=false.",
  ].join("\n");
}

function convert(spec: Spec, raw: string): unknown {
  switch (spec.kind) {
    case "string":
      return raw;
    case "bool":
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new Error(`--${spec.flag} / ${spec.env} must be true or false, got "${raw}"`);
    case "quota":
      if (raw.toLowerCase() === "none") return "none";
      return integer(spec, raw);
    case "int":
      return integer(spec, raw);
    case "preset":
      if (!(PRESETS as readonly string[]).includes(raw)) throw new Error(`--${spec.flag} / ${spec.env} must be one of ${PRESETS.join(", ")}, got "${raw}"`);
      return raw;
    case "channel":
      return raw
        .split(";")
        .filter((c) => c.trim() !== "")
        .map(parseChannelFlag);
    case "channels-file":
      return channelsFile(spec, raw);
    case "share": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
        throw new Error(`--${spec.flag} / ${spec.env} must be a number from 0 to 1, got "${raw}"`);
      return n;
    }
    case "number": {
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${spec.flag} / ${spec.env} must be a positive number, got "${raw}"`);
      return n;
    }
  }
}

function integer(spec: Spec, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${spec.flag} / ${spec.env} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** A JSON array of channel specs, or {"channels": […]}; checked field by field when the fake starts. */
function channelsFile(spec: Spec, path: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`--${spec.flag} / ${spec.env}: cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { channels?: unknown } | null)?.channels;
  if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === "object" && c !== null && !Array.isArray(c))) {
    throw new Error(`--${spec.flag} / ${spec.env}: ${path} must hold a non-empty array of channel objects`);
  }
  return list;
}
