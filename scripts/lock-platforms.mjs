// The npm registry this project is built against mirrors only linux-x64 builds of native packages, so
// `npm install` here leaves other platforms' optional binaries (@next/swc-darwin-arm64, …) out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds the missing entries
// as optional, platform-tagged packages: npm skips them on platforms they are not for, and fetches
// them on the platforms they are for. Run after `npm install` changes the lock.
import fs from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const platform = inferPlatform(name);
    if (!platform) continue;
    packages[`node_modules/${name}`] = { version: range.replace(/^[\^~=]/, ""), optional: true, ...platform };
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: added ${added} platform-specific optional entries`);

function inferPlatform(name) {
  const n = name.split("/").pop();
  const os = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"].find((o) => n.includes(o));
  const cpuMatch =
    /(x64|arm64|ia32|ppc64|s390x|loong64|riscv64|wasm32|armv7|arm)(?![a-z0-9])/.exec(n) ?? /(x64|arm64|ia32|ppc64|s390x|loong64|riscv64|wasm32|arm)/.exec(n);
  const cpu = cpuMatch?.[1] === "armv7" ? "arm" : cpuMatch?.[1];
  if (!os && cpu !== "wasm32") return null;
  const libc = /musl/.test(n) ? ["musl"] : os === "linux" && /gnu/.test(n) ? ["glibc"] : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc } : {}) };
}
