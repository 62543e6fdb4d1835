import { afterEach, describe, expect, it, vi } from "vitest";
import type { LiveHub, LiveMessage } from "@/lib/platform/live/hub";
import { liveStreamResponse } from "@/lib/platform/live/live-stream";

// Without a notice (lost while an instance's database listener reconnected, or a session that simply
// expired) an open stream still finds out: it asks again every 30 s.

afterEach(() => vi.useRealTimers());

describe("live stream checks", () => {
  it("ends a stream whose session stopped letting it in, at the next periodic check", async () => {
    vi.useFakeTimers();
    let allowed = true;
    const { res } = stream(() => Promise.resolve(allowed));
    const reader = res.body!.getReader();
    await reader.read();
    allowed = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await readToEnd(reader)).toBe(true);
  });

  it("checks at once on a notice naming its holder, or on '*' (notices were lost), and not for others", async () => {
    const checks: string[] = [];
    const { res, publish } = stream(async () => {
      checks.push("check");
      return checks.length < 2;
    });
    const reader = res.body!.getReader();
    await reader.read();
    publish({ kind: "accessEnded", id: "someone-else" });
    expect(checks).toEqual([]);
    publish({ kind: "accessEnded", id: "*" });
    await Promise.resolve();
    expect(checks).toEqual(["check"]);
    publish({ kind: "accessEnded", id: "holder" });
    expect(await readToEnd(reader)).toBe(true);
  });
});

function stream(stillAllowed: () => Promise<boolean>) {
  const subscribers = new Set<(m: LiveMessage) => void>();
  const hub: LiveHub = {
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    close: async () => {},
  };
  const res = liveStreamResponse({ hub, channelId: 1, holderId: "holder", stillAllowed, signal: new AbortController().signal });
  return { res, publish: (m: LiveMessage) => subscribers.forEach((fn) => fn(m)) };
}

async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  for (;;) if ((await reader.read()).done) return true;
}
