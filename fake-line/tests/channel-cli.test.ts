import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveChannels } from "../channels/channel-spec";
import { parseCli } from "../cli-options";
import { DEMO_CHANNEL_ACCESS_TOKEN, DEMO_CHANNEL_SECRET } from "../options";

describe("channel flags", () => {
  const dir = mkdtempSync(join(tmpdir(), "fake-line-channels-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads --preset, --channels and FAKE_LINE_CHANNELS_FILE", () => {
    expect(parseCli(["--preset", "demo-two"], {}).options).toEqual({ preset: "demo-two" });
    expect(parseCli(["--channels", "3"], {}).options).toEqual({ channels: 3 });
    const file = join(dir, "channels.json");
    writeFileSync(file, JSON.stringify({ channels: [{ provider: "a" }, { provider: "b", friends: 10 }] }));
    expect(parseCli([], { FAKE_LINE_CHANNELS_FILE: file }).options).toEqual({ channels: [{ provider: "a" }, { provider: "b", friends: 10 }] });
  });

  it("reads repeated --channel specs, and the environment's list separated by ';'", () => {
    const { options } = parseCli(
      ["--channel", "provider=north,botName=North Café", "--channel=provider=south,friends=20,languages=th:80|en:20,monthlyQuota=none"],
      {},
    );
    expect(options.channels).toEqual([
      { provider: "north", botName: "North Café" },
      { provider: "south", friends: 20, languages: { th: 80, en: 20 }, monthlyQuota: "none" },
    ]);
    expect(parseCli([], { FAKE_LINE_CHANNEL_SPECS: "provider=a;provider=b,seed=3" }).options.channels).toEqual([{ provider: "a" }, { provider: "b", seed: 3 }]);
    expect(() => parseCli(["--channel", "friends=many"], {})).toThrow(/friends must be a number/);
    expect(() => parseCli(["--channel", "provider"], {})).toThrow(/key=value/);
  });

  it("rejects an unknown preset, an unreadable file and a spec with a typo", () => {
    expect(() => parseCli(["--preset", "demo-three"], {})).toThrow(/demo-two/);
    expect(() => parseCli(["--channels-file", join(dir, "missing.json")], {})).toThrow(/cannot read/);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify([{ provder: "a" }]));
    const { options } = parseCli(["--channels-file", bad], {});
    expect(() => resolveChannels(options)).toThrow(/channel 1: .*provder/);
    expect(() => resolveChannels({ channels: 0 })).toThrow(/positive integer/);
  });

  it("keeps the first channel's defaults and lets the top-level flags win over its spec", () => {
    const [first, second] = resolveChannels({ channels: 2 });
    expect(first).toMatchObject({ channelSecret: DEMO_CHANNEL_SECRET, channelAccessToken: DEMO_CHANNEL_ACCESS_TOKEN, seed: 42, friends: 3000 });
    expect(second?.channelAccessToken).toMatch(/^FAKE[A-Za-z0-9+/]{168}$/);
    expect(second?.provider).toBe(first?.provider);
    const [own] = resolveChannels({ webhookUrl: "http://127.0.0.1:1/top", channels: [{ webhookUrl: "http://127.0.0.1:1/spec", provider: "x" }] });
    expect(own).toMatchObject({ webhookUrl: "http://127.0.0.1:1/top", provider: "x" });
    const [seeded, later] = resolveChannels({ seed: 5, friends: 50, channels: [{ seed: 9, friends: 10 }, {}] });
    expect(seeded).toMatchObject({ seed: 5, friends: 50 });
    expect(later?.friends).toBe(50);
  });
});
