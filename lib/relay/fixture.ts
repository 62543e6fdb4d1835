// "Copy as fixture": a delivery as a file and a curl command that posts it, signed, to a bot — so a
// developer can replay exactly what their bot was sent. Runs in the browser as well as on the server,
// hence Web Crypto and TextEncoder only, nothing of node.

export type Fixture = {
  /** e.g. line-webhook-01K….json; made of [A-Za-z0-9._-] only, so the command needs no quoting for it. */
  fileName: string;
  /** The file's content: the body exactly as it is sent, not re-serialised (that would break the signature). */
  json: string;
  /** x-line-signature for the body. */
  signature: string;
  /** POSIX shell command, run in the folder the file is saved in. */
  curl: string;
};

/**
 * x-line-signature as LINE computes it: Base64(HMAC-SHA256(secret, the body's UTF-8 bytes)) — the value
 * @line/bot-sdk's validateSignature accepts.
 */
export async function signBody(body: string, secret: string): Promise<string> {
  if (!secret) throw new Error("signBody needs a secret");
  const subtle = globalThis.crypto?.subtle;
  // Browsers offer Web Crypto to secure pages only: HTTPS, or localhost.
  if (!subtle) throw new Error("Web Crypto is not available here (is the page served over plain http://?)");
  const encoder = new TextEncoder();
  const key = await subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await subtle.sign("HMAC", key, encoder.encode(body)));
  return btoa(String.fromCharCode(...mac));
}

export async function buildFixture(params: { body: string; secret: string; url: string }): Promise<Fixture> {
  const signature = await signBody(params.body, params.secret);
  const fileName = `line-webhook-${firstEventId(params.body) ?? "delivery"}.json`;
  const curl = [
    `curl ${shellQuote(params.url)}`,
    `-H ${shellQuote("content-type: application/json")}`,
    `-H ${shellQuote(`x-line-signature: ${signature}`)}`,
    // --data-binary: -d would strip the newlines and change the bytes the signature covers.
    `--data-binary @${fileName}`,
  ].join(" \\\n  ");
  return { fileName, json: params.body, signature, curl };
}

// Only an id that is safe in a file name (ULIDs are); anything else, or a body that is not a webhook, is
// "delivery".
function firstEventId(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { events?: { webhookEventId?: unknown }[] }).events?.[0]?.webhookEventId;
    return typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

// Single quotes keep everything literal in a POSIX shell; a single quote itself is closed, escaped, reopened.
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
