import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env.js";

const secret = "0123456789abcdef0123456789abcdef";

describe("environment", () => {
  it("starts with nothing set: PGlite, no LINE credentials", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ databaseKind: "pglite", PGLITE_DATA_DIR: ".data/pglite", lineConfigured: false, PORT: 3000 });
    expect(e.APP_URL).toBe("http://localhost:3000");
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/oa" }).databaseKind).toBe("postgres");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "http" }, "PORT"],
    [{ LINE_CHANNEL_SECRET: "nothex", LINE_CHANNEL_ACCESS_TOKEN: "x".repeat(40) }, "LINE_CHANNEL_SECRET"],
    [{ LINE_CHANNEL_SECRET: secret }, "LINE_CHANNEL_ACCESS_TOKEN"],
    [{ LINE_CHANNEL_ACCESS_TOKEN: "x".repeat(40) }, "LINE_CHANNEL_SECRET"],
    [{ ADMIN_EMAIL: "a@b.co" }, "ADMIN_PASSWORD"],
    [{ ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "long-enough-password" }, "ADMIN_EMAIL"],
    [{ BETTER_AUTH_SECRET: "short" }, "BETTER_AUTH_SECRET"],
    [{ DEMO_MODE: "1" }, "FAKE_LINE_URL"],
    [{ DEMO_MODE: "1", FAKE_LINE_URL: "http://127.0.0.1:4010" }, "LINE_API_BASE_URL"],
    [{ MEDIA_STORAGE: "s3" }, "MEDIA_STORAGE"],
    [{ TRUST_PROXY: "always" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "11" }, "TRUST_PROXY"],
    [{ HOSTNAME: "http://example.com" }, "HOSTNAME"],
    [{ ECHO_BOT_PORT: "echo" }, "ECHO_BOT_PORT"],
    [{ ECHO_BOT_PORT: "65536" }, "ECHO_BOT_PORT"],
    [{ RETAIN_EVENTS_DAYS: "-1" }, "RETAIN_EVENTS_DAYS"],
    [{ RETAIN_MEDIA_DAYS: "1.5" }, "RETAIN_MEDIA_DAYS"],
    [{ RETAIN_DELIVERY_BODIES_DAYS: "forever" }, "RETAIN_DELIVERY_BODIES_DAYS"],
  ])("names the bad variable: %o", (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    try {
      parseEnv(source);
    } catch (err) {
      expect((err as EnvError).problems.some((p) => p.startsWith(`${name} `))).toBe(true);
    }
  });

  it("reads TRUST_PROXY as a number of proxies, 1 for the old true", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    for (const [value, hops] of [
      ["", 0],
      ["0", 0],
      ["false", 0],
      ["no", 0],
      ["1", 1],
      ["true", 1],
      ["yes", 1],
      ["TRUE", 1],
      ["2", 2],
    ] as const) {
      expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY, value).toBe(hops);
    }
  });

  it("takes HOSTNAME as a host name or an address, IPv6 with or without brackets", () => {
    expect(parseEnv({}).HOSTNAME).toBeUndefined();
    expect(parseEnv({ HOSTNAME: "127.0.0.1" }).HOSTNAME).toBe("127.0.0.1");
    expect(parseEnv({ HOSTNAME: "[::1]" }).HOSTNAME).toBe("::1");
    expect(parseEnv({ HOSTNAME: "console.internal" }).HOSTNAME).toBe("console.internal");
  });

  it("starts the demo's echo bot on 4020 unless ECHO_BOT_PORT says another port, or 0 for none", () => {
    expect(parseEnv({}).ECHO_BOT_PORT).toBe(4020);
    expect(parseEnv({ ECHO_BOT_PORT: "" }).ECHO_BOT_PORT).toBe(4020);
    expect(parseEnv({ ECHO_BOT_PORT: "4031" }).ECHO_BOT_PORT).toBe(4031);
    expect(parseEnv({ ECHO_BOT_PORT: "0" }).ECHO_BOT_PORT).toBe(0);
  });

  it("keeps delivery bodies, refused deliveries and the relay log 30 days, events and media for good, unless told", () => {
    expect(parseEnv({})).toMatchObject({
      RETAIN_DELIVERY_BODIES_DAYS: 30,
      RETAIN_REJECTED_DELIVERIES_DAYS: 30,
      RETAIN_EVENTS_DAYS: 0,
      RETAIN_RELAY_LOG_DAYS: 30,
      RETAIN_MEDIA_DAYS: 0,
    });
    expect(parseEnv({ RETAIN_EVENTS_DAYS: "365", RETAIN_DELIVERY_BODIES_DAYS: "0", RETAIN_MEDIA_DAYS: "" })).toMatchObject({
      RETAIN_EVENTS_DAYS: 365,
      RETAIN_DELIVERY_BODIES_DAYS: 0,
      RETAIN_MEDIA_DAYS: 0,
    });
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", LINE_CHANNEL_SECRET: " ", LINE_CHANNEL_ACCESS_TOKEN: "" }).databaseKind).toBe("pglite");
  });
});
