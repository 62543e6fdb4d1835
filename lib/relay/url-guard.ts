import dns from "node:dns";
import net from "node:net";
import { HttpError } from "@/lib/platform/http/errors";

// Where the console may send events. A relay URL is typed by an admin, but the console then POSTs to it
// from inside the operator's network: without these rules it could be pointed at a database's admin port
// or a cloud's metadata service (SSRF). Public https only; http and private addresses only when
// RELAY_ALLOW_PRIVATE_URLS allows them (local development, the demo's sample bot); link-local and
// metadata addresses never. The same check runs again on every connection (the address a name resolves
// to when sending, not when saving: DNS can change in between).

const NEVER = new net.BlockList();
NEVER.addSubnet("0.0.0.0", 8, "ipv4");
NEVER.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, and the metadata service of AWS, GCP, Azure, …
NEVER.addSubnet("100.100.100.200", 32, "ipv4"); // Alibaba Cloud's metadata service
NEVER.addSubnet("224.0.0.0", 4, "ipv4"); // multicast
NEVER.addSubnet("240.0.0.0", 4, "ipv4"); // reserved, broadcast
NEVER.addSubnet("fe80::", 10, "ipv6"); // link-local
NEVER.addSubnet("ff00::", 8, "ipv6"); // multicast
NEVER.addAddress("fd00:ec2::254", "ipv6"); // AWS's metadata service over IPv6
NEVER.addAddress("::", "ipv6");

const PRIVATE = new net.BlockList();
PRIVATE.addSubnet("127.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("10.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("172.16.0.0", 12, "ipv4");
PRIVATE.addSubnet("192.168.0.0", 16, "ipv4");
PRIVATE.addSubnet("100.64.0.0", 10, "ipv4"); // carrier-grade NAT
PRIVATE.addSubnet("198.18.0.0", 15, "ipv4"); // benchmarking networks
PRIVATE.addAddress("::1", "ipv6");
PRIVATE.addSubnet("fc00::", 7, "ipv6"); // unique local

const METADATA_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);

export type UrlRefusal =
  "invalid_url" | "scheme_not_allowed" | "credentials_in_url" | "metadata_address" | "link_local_address" | "private_address" | "unresolvable_host";

// The catalogues' words for each refusal (validation.*), written out so the catalogue tests find them.
const REFUSAL_KEYS: Record<UrlRefusal, string> = {
  invalid_url: "validation.relayUrlInvalid",
  scheme_not_allowed: "validation.relayUrlScheme",
  credentials_in_url: "validation.relayUrlCredentials",
  metadata_address: "validation.relayUrlMetadata",
  link_local_address: "validation.relayUrlLinkLocal",
  private_address: "validation.relayUrlPrivate",
  unresolvable_host: "validation.relayUrlUnresolvable",
};

export class RelayUrlError extends HttpError {
  constructor(
    readonly refusal: UrlRefusal,
    message: string,
  ) {
    super(422, `relay_url_${refusal}`, `url: ${message}`, [{ property: "url", message, key: REFUSAL_KEYS[refusal] }]);
  }
}

/** Whether the URL may be a destination; throws RelayUrlError (422) saying why not. Resolves the host name. */
export async function checkRelayUrl(raw: string, options: { allowPrivate: boolean }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RelayUrlError("invalid_url", "must be a full URL such as https://bot.example.com/webhook");
  }
  if (url.username || url.password) throw new RelayUrlError("credentials_in_url", "must not carry a user name or password");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new RelayUrlError("scheme_not_allowed", "must start with https://");
  // The addresses first: "a metadata service" says more than "use https".
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (METADATA_NAMES.has(host.replace(/\.$/, ""))) throw new RelayUrlError("metadata_address", "points at a cloud metadata service");
  const addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await resolve(host);
  for (const a of addresses) refuseAddress(a.address, options);
  if (url.protocol === "http:" && !options.allowPrivate) {
    throw new RelayUrlError("scheme_not_allowed", "must start with https:// (http:// is allowed only for local development, with RELAY_ALLOW_PRIVATE_URLS=1)");
  }
  // http:// only to the developer's own machine or network, never across the internet in the clear.
  if (url.protocol === "http:" && !addresses.every((a) => isPrivate(a.address))) {
    throw new RelayUrlError("scheme_not_allowed", "must start with https:// for an address on the internet");
  }
  return url;
}

/** dns.lookup for the HTTP agent: the same rules, applied to the address actually connected to. */
export function guardedLookup(options: { allowPrivate: boolean }): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      try {
        for (const a of list) refuseAddress(a.address, options);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, "", 0);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Node connects to an IP literal without a lookup: the sending side checks those itself. */
export function refuseLiteralHost(url: URL, options: { allowPrivate: boolean }) {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (net.isIP(host)) refuseAddress(host, options);
}

function refuseAddress(address: string, options: { allowPrivate: boolean }) {
  const plain = unmapped(address);
  const family = net.isIPv4(plain) ? "ipv4" : "ipv6";
  if (plain === "169.254.169.254" || plain === "100.100.100.200" || plain === "fd00:ec2::254") {
    throw new RelayUrlError("metadata_address", "points at a cloud metadata service");
  }
  if (NEVER.check(plain, family)) throw new RelayUrlError("link_local_address", `resolves to ${plain}, a link-local or reserved address`);
  if (!options.allowPrivate && PRIVATE.check(plain, family)) {
    throw new RelayUrlError("private_address", `resolves to ${plain}, a private address (allowed only for local development, with RELAY_ALLOW_PRIVATE_URLS=1)`);
  }
}

function isPrivate(address: string) {
  const plain = unmapped(address);
  return PRIVATE.check(plain, net.isIPv4(plain) ? "ipv4" : "ipv6");
}

// ::ffff:10.0.0.1 (or ::ffff:a00:1, as URLs write it) is 10.0.0.1.
function unmapped(address: string) {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

async function resolve(host: string) {
  try {
    return await dns.promises.lookup(host, { all: true });
  } catch {
    throw new RelayUrlError("unresolvable_host", `the host name ${host} does not resolve`);
  }
}
