import { execFile, execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { validateSignature } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { buildFixture, signBody } from "@/lib/relay/fixture";

// "Copy as fixture" (lib/relay/fixture.ts): the signature is the one LINE's SDK accepts, over UTF-8
// bytes, and the curl command survives a shell.

const secret = "9bda289a5713840d4b41aa1945cdf89b";
// Pretty-printed on purpose: the fixture must keep the bytes (newlines, spacing) the signature covers.
const body = JSON.stringify(
  {
    destination: "U02c578ef6404c23405a5b77641617319",
    events: [
      { type: "message", webhookEventId: "01KAZ4V3QJ5W1V8JQ2H7F6M9XB", message: { type: "text", text: "こんにちは สวัสดีครับ 👋🏽 你好" } },
      { type: "follow", webhookEventId: "01KAZ4V3QJ5W1V8JQ2H7F6M9XC" },
    ],
  },
  null,
  2,
);
const hasCurl = (() => {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("signBody", () => {
  it("gives LINE's published test vector", async () => {
    expect(await signBody('{"hello":"world"}', "test_secret")).toBe("t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=");
  });

  it("signs the UTF-8 bytes of Japanese, Thai and emoji, as the SDK verifies them", async () => {
    const signature = await signBody(body, secret);
    expect(validateSignature(body, secret, signature)).toBe(true);
    expect(validateSignature(Buffer.from(body, "utf8"), secret, signature)).toBe(true);
    expect(signature).toBe(createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("base64"));
    // Not UTF-16 code units, nor the body with one character changed.
    expect(signature).not.toBe(createHmac("sha256", secret).update(Buffer.from(body, "utf16le")).digest("base64"));
    expect(validateSignature(body.replace("👋🏽", "👋"), secret, signature)).toBe(false);
  });
});

describe("buildFixture", () => {
  it("keeps the body as it is and names the file after the first event", async () => {
    const fixture = await buildFixture({ body, secret, url: "https://bot.example.com/callback" });
    expect(fixture.json).toBe(body);
    expect(fixture.fileName).toBe("line-webhook-01KAZ4V3QJ5W1V8JQ2H7F6M9XB.json");
    expect(fixture.signature).toBe(await signBody(body, secret));
    expect(fixture.curl).toContain(`--data-binary @${fixture.fileName}`);
    expect(fixture.curl).toContain("'content-type: application/json'");
    expect(fixture.curl).toContain(`'x-line-signature: ${fixture.signature}'`);
  });

  it("names a verification body, a body that is no webhook, or an unsafe id 'delivery'", async () => {
    for (const b of ['{"destination":"U0","events":[]}', "not json", "null", '{"events":[{"webhookEventId":"../../etc/passwd"}]}']) {
      expect((await buildFixture({ body: b, secret, url: "http://127.0.0.1:4020/callback" })).fileName, b).toBe("line-webhook-delivery.json");
    }
  });

  it("quotes a URL with single quotes so that a shell passes it on unchanged", async () => {
    const url = "https://bot.example.com/it's/callback?note='$HOME'&x=`id`";
    const { curl, signature, fileName } = await buildFixture({ body, secret, url });
    const args = execFileSync("sh", ["-c", curl.replace(/^curl /, "printf '%s\\n' ")], { encoding: "utf8" })
      .trimEnd()
      .split("\n");
    expect(args).toEqual([url, "-H", "content-type: application/json", "-H", `x-line-signature: ${signature}`, "--data-binary", `@${fileName}`]);
  });

  it.skipIf(!hasCurl)("posts the file with curl, and the bot receives exactly the signed bytes", async () => {
    const requests: { url: string; raw: Buffer; signature: string | undefined; type: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        requests.push({
          url: req.url ?? "",
          raw: Buffer.concat(chunks),
          signature: req.headers["x-line-signature"] as string,
          type: req.headers["content-type"],
        });
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relay-fixture-"));
    try {
      const fixture = await buildFixture({ body, secret, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/it's/callback` });
      fs.writeFileSync(path.join(dir, fixture.fileName), fixture.json);
      // Asynchronously: the server answering curl runs in this very process.
      await promisify(execFile)("sh", ["-c", `${fixture.curl} --silent --show-error`], { cwd: dir });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await new Promise((resolve) => server.close(resolve));
    }
    expect(requests).toHaveLength(1);
    const received = requests[0]!;
    expect(received.url).toBe("/it's/callback");
    expect(received.type).toBe("application/json");
    expect(received.raw.toString("utf8")).toBe(body);
    expect(validateSignature(received.raw, secret, received.signature!)).toBe(true);
  });
});
