import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createBotAgents, postToBot } from "@/lib/relay/post-to-bot";
import { nextAttemptDelay, verdict } from "@/lib/relay/retry-policy";
import { checkRelayUrl } from "@/lib/relay/url-guard";

// Relay POSTs from inside the operator's network to a URL an admin typed: the rules that keep it from
// being pointed at internal services (SSRF), when saving and again when connecting.

describe("relay URL rules", () => {
  const refusal = async (url: string, allowPrivate = false) => {
    try {
      await checkRelayUrl(url, { allowPrivate });
      return "allowed";
    } catch (err) {
      return (err as { refusal?: string }).refusal ?? (err as Error).message;
    }
  };

  it.each([
    ["https://169.254.169.254/latest/meta-data/", "metadata_address"],
    ["http://[::ffff:169.254.169.254]/", "metadata_address"],
    ["https://[fd00:ec2::254]/", "metadata_address"],
    ["https://metadata.google.internal/computeMetadata/v1/", "metadata_address"],
    ["https://100.100.100.200/", "metadata_address"],
    ["https://169.254.10.1/", "link_local_address"],
    ["https://[fe80::1]/", "link_local_address"],
    ["https://0.0.0.0/", "link_local_address"],
  ])("never allows %s, not even for local development", async (url, why) => {
    expect(await refusal(url, true)).toBe(why);
    expect(await refusal(url, false)).toBe(why);
  });

  it("refuses private and loopback addresses and http:// unless the environment switch allows them", async () => {
    expect(await refusal("https://10.1.2.3/webhook")).toBe("private_address");
    expect(await refusal("https://[::1]/webhook")).toBe("private_address");
    expect(await refusal("https://0x7f.1/webhook")).toBe("private_address"); // 127.0.0.1 written oddly
    expect(await refusal("http://127.0.0.1:3000/webhook")).toBe("private_address");
    expect(await refusal("http://8.8.8.8/webhook")).toBe("scheme_not_allowed");
    expect(await refusal("http://127.0.0.1:3000/webhook", true)).toBe("allowed");
    expect(await refusal("https://192.168.1.20/webhook", true)).toBe("allowed");
  });

  it("refuses http:// across the internet even when private addresses are allowed, and odd URLs", async () => {
    expect(await refusal("http://8.8.8.8/webhook", true)).toBe("scheme_not_allowed");
    expect(await refusal("https://8.8.8.8/webhook")).toBe("allowed");
    expect(await refusal("ftp://8.8.8.8/")).toBe("scheme_not_allowed");
    expect(await refusal("https://user:pass@8.8.8.8/")).toBe("credentials_in_url");
    expect(await refusal("not a url")).toBe("invalid_url");
  });

  it("checks the address again when connecting: a saved URL that now points inside is not sent to", async () => {
    const server = http.createServer((_, res) => res.end("reached"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const closed = createBotAgents({ allowPrivate: false });
      for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`]) {
        const answer = await postToBot(closed, { url, body: Buffer.from("{}"), signature: null, timeoutMs: 2000 });
        expect(answer.statusCode).toBeNull();
        expect(answer.error).toMatch(/private address/);
      }
      const open = createBotAgents({ allowPrivate: true });
      const answer = await postToBot(open, { url: `http://localhost:${port}/`, body: Buffer.from("{}"), signature: null, timeoutMs: 2000 });
      expect(answer).toMatchObject({ statusCode: 200, head: "reached" });
      open.http.destroy();
      closed.http.destroy();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("relay retries", () => {
  it("retries what LINE would retry and takes any other answer as the bot's refusal", () => {
    expect([null, 500, 503, 408, 429].map((statusCode) => verdict({ statusCode }))).toEqual(["retry", "retry", "retry", "retry", "retry"]);
    expect([400, 401, 404, 301].map((statusCode) => verdict({ statusCode }))).toEqual(["refused", "refused", "refused", "refused"]);
    expect(verdict({ statusCode: 204 })).toBe("succeeded");
  });

  it("backs off from a second, doubling, with jitter, up to ten minutes; a longer Retry-After wins", () => {
    expect(nextAttemptDelay(1, null, () => 0)).toBe(1000);
    expect(nextAttemptDelay(1, null, () => 1)).toBe(1250);
    expect(nextAttemptDelay(4, null, () => 0)).toBe(8000);
    expect(nextAttemptDelay(30, null, () => 1)).toBe(600_000);
    expect(nextAttemptDelay(1, 30_000, () => 0)).toBe(30_000);
  });
});
