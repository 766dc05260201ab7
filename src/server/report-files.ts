import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { htmlToText } from "../reader/html.js";

/** The largest report file read, from LUOSHI_MAX_UPLOAD_MB (default 20). */
export function maxReportBytes(): number {
  const mb = Number(process.env.LUOSHI_MAX_UPLOAD_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 20) * 1024 * 1024;
}

/** Why a file is not a report; the message is a key of messages.ts. */
export class ReportFileError extends Error {}

/** Text that is mostly control characters, or has NUL bytes, is not a report. */
function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length * 0.05;
}

/** UTF-8 first; Chinese pages saved by older systems are often GB18030. */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder("gb18030").decode(buf);
  }
}

/** The text of a report file: .txt, .html/.htm or .docx. */
export async function reportText(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new ReportFileError("file_missing");
  if (info.size > maxReportBytes()) throw new ReportFileError("file_too_large");
  return textFromBuffer(await readFile(path), path);
}

/** The text of an uploaded or read report, by its name's extension and its bytes. */
export async function textFromBuffer(buf: Buffer, name: string): Promise<string> {
  if (buf.length === 0) throw new ReportFileError("file_empty");
  if (buf.length > maxReportBytes()) throw new ReportFileError("file_too_large");
  const ext = extname(name).toLowerCase();
  if (ext === ".docx") {
    if (buf.subarray(0, 2).toString() !== "PK") throw new ReportFileError("file_not_docx");
    const mammoth = await import("mammoth");
    const result = await mammoth.default.extractRawText({ buffer: buf }).catch(() => null);
    if (!result) throw new ReportFileError("file_not_docx");
    return result.value;
  }
  if (looksBinary(buf)) throw new ReportFileError("file_binary");
  const text = decode(buf);
  return ext === ".html" || ext === ".htm" || /^\s*<(!doctype|html)/i.test(text) ? htmlToText(text) : text;
}
