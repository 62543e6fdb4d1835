// Bytes for the audio, video and file messages fake friends send. Audio is a real, playable WAV tone
// of the message's duration; video is a structurally valid but empty MP4 (ftyp + moov + mdat: encoding
// real frames would need a codec); files are small valid documents whose size is the event's fileSize.
import { hashString } from "../core/prng";

export function audioWav(messageId: string, durationMs: number): Buffer {
  const rate = 8000;
  const samples = Math.max(1, Math.round((Math.min(durationMs, 60_000) / 1000) * rate));
  const freq = 330 + (hashString(messageId) % 330);
  const data = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    data[i] = 128 + Math.round(60 * fade * Math.sin((2 * Math.PI * freq * i) / rate));
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // byte rate (8-bit mono)
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export function videoMp4(durationMs: number): Buffer {
  const ftyp = box("ftyp", Buffer.concat([Buffer.from("isom", "ascii"), u32(512), Buffer.from("isomiso2mp41", "ascii")]));
  const mvhdBody = Buffer.alloc(100);
  mvhdBody.writeUInt32BE(0, 0); // version + flags
  mvhdBody.writeUInt32BE(1000, 12); // timescale: ms
  mvhdBody.writeUInt32BE(Math.max(0, Math.round(durationMs)), 16);
  mvhdBody.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhdBody.writeUInt16BE(0x0100, 24); // volume 1.0
  const matrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
  matrix.forEach((v, i) => mvhdBody.writeUInt32BE(v, 36 + i * 4));
  mvhdBody.writeUInt32BE(2, 96); // next track id
  const moov = box("moov", box("mvhd", mvhdBody));
  const mdat = box("mdat", Buffer.alloc(2048, 0));
  return Buffer.concat([ftyp, moov, mdat]);
}

export type FileContent = { bytes: Buffer; contentType: string };

export function fileContent(fileName: string, messageId: string): FileContent {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (ext === "pdf") return { bytes: pdf(`${fileName} (${messageId})`), contentType: "application/pdf" };
  if (ext === "csv") {
    const rows = ["item,quantity,price", "green tea,2,120", "mochi,6,300", `ref,1,${hashString(messageId) % 1000}`];
    return { bytes: Buffer.from(rows.join("\n") + "\n", "utf8"), contentType: "text/csv" };
  }
  if (ext === "txt") return { bytes: Buffer.from(`Notes ${messageId}\n買い物リスト / 購物清單 / รายการซื้อของ\n`, "utf8"), contentType: "text/plain" };
  const bytes = Buffer.alloc(1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (hashString(`${messageId}:${i}`) & 0xff) >>> 0;
  return { bytes, contentType: "application/octet-stream" };
}

function pdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");
  const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function box(type: string, body: Buffer): Buffer {
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, "ascii"), body]);
}

function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0, 0);
  return b;
}
