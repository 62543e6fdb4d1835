// The few parts of the tar format (POSIX ustar) a database backup needs: regular files and directories,
// written and read as streams, so a data directory of gigabytes never has to fit in memory. Any `tar`
// lists and extracts what this writes (`tar -tvf backup.tar`).

const BLOCK = 512;

export interface TarEntry {
  /** Relative, with "/" separators; a directory's name ends without "/". */
  name: string;
  type: "file" | "directory";
  size: number;
  mode: number;
  mtime: Date;
}

/** The 512-byte header of an entry (its data follows, padded to a whole block). */
export function tarHeader(entry: TarEntry): Uint8Array {
  const header = Buffer.alloc(BLOCK);
  let name = entry.type === "directory" ? `${entry.name}/` : entry.name;
  let prefix = "";
  if (Buffer.byteLength(name) > 100) {
    // ustar: a longer path is split at a "/" into a prefix (155 bytes) and a name (100).
    const cut = name.lastIndexOf("/", name.length - 2);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`path too long for a tar archive: ${entry.name}`);
  }
  header.write(name, 0, 100, "utf8");
  octal(header, 100, 8, entry.mode & 0o7777);
  octal(header, 108, 8, 0);
  octal(header, 116, 8, 0);
  octal(header, 124, 12, entry.type === "file" ? entry.size : 0);
  octal(header, 136, 12, Math.floor(entry.mtime.getTime() / 1000));
  header.write("        ", 148, 8, "ascii"); // the checksum counts its own field as spaces
  header.write(entry.type === "file" ? "0" : "5", 156, 1, "ascii");
  header.write("ustar\u000000", 257, 8, "ascii");
  header.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, 8, "ascii");
  return header;
}

/** Zeros that bring an entry of `size` bytes to a whole block. */
export function tarPadding(size: number): Uint8Array {
  return new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The end of an archive: two empty blocks. */
export const TAR_END = new Uint8Array(2 * BLOCK);

/**
 * Read an archive from a stream of chunks: each entry with its data as a stream of chunks. Read an
 * entry's data through, or not at all (it is then skipped), before asking for the next entry; breaking
 * out of it halfway loses the archive's place. Throws when the archive ends before its end blocks (an
 * interrupted download) or a header is damaged.
 */
export async function* readTar(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TarEntry & { data: AsyncGenerator<Uint8Array> }> {
  const source = chunks[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  let ended = false;

  async function fill(n: number): Promise<boolean> {
    while (buffered.length < n && !ended) {
      const next = await source.next();
      if (next.done) ended = true;
      else buffered = buffered.length ? Buffer.concat([buffered, Buffer.from(next.value)]) : Buffer.from(next.value);
    }
    return buffered.length >= n;
  }
  function take(n: number): Buffer {
    const out = buffered.subarray(0, n);
    buffered = buffered.subarray(n);
    return out;
  }

  for (;;) {
    if (!(await fill(BLOCK))) throw new Error("the archive ends before its end marker: it is incomplete");
    const header = take(BLOCK);
    if (header.every((b) => b === 0)) return;
    const stored = Number.parseInt(header.subarray(148, 156).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    if (sum !== stored) throw new Error("a damaged header in the archive (checksum mismatch)");
    const text = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const flag = text(156, 1);
    const prefix = text(345, 155);
    const name = (prefix ? `${prefix}/` : "") + text(0, 100);
    const size = Number.parseInt(text(124, 12).trim() || "0", 8);
    if (flag !== "0" && flag !== "" && flag !== "5") throw new Error(`unexpected entry type '${flag}' for ${name}: only files and directories are expected`);
    const type = flag === "5" ? "directory" : "file";
    let left = type === "file" ? size : 0;
    const padding = (BLOCK - (left % BLOCK)) % BLOCK;
    const data = (async function* () {
      while (left > 0) {
        if (buffered.length === 0 && !(await fill(1))) throw new Error(`the archive ends inside ${name}: it is incomplete`);
        const part = take(Math.min(left, buffered.length));
        left -= part.length;
        yield part;
      }
      if (!(await fill(padding))) throw new Error(`the archive ends inside ${name}: it is incomplete`);
      take(padding);
    })();
    yield {
      name: name.replace(/\/$/, ""),
      type,
      size: type === "file" ? size : 0,
      mode: Number.parseInt(text(100, 8).trim() || "0", 8),
      mtime: new Date(Number.parseInt(text(136, 12).trim() || "0", 8) * 1000),
      data,
    };
    // Whatever the consumer left unread is skipped.
    for await (const _ of data);
  }
}

function octal(header: Buffer, offset: number, length: number, value: number) {
  header.write(`${value.toString(8).padStart(length - 1, "0")}\u0000`, offset, length, "ascii");
}
