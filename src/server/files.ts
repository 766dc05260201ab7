import { createHash } from "node:crypto";
import { access, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";

/** The types accepted as evidence, each known by its first bytes; a file's name must agree with its content. */
const KINDS: { mime: string; exts: string[]; test(b: Buffer): boolean }[] = [
  { mime: "image/jpeg", exts: [".jpg", ".jpeg"], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", exts: [".png"], test: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) },
  { mime: "image/gif", exts: [".gif"], test: (b) => b.subarray(0, 4).toString("latin1") === "GIF8" },
  {
    mime: "image/webp",
    exts: [".webp"],
    test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
  {
    mime: "video/mp4",
    exts: [".mp4", ".m4v"],
    test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && b.subarray(8, 10).toString("latin1") !== "qt",
  },
  {
    mime: "video/quicktime",
    exts: [".mov"],
    test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && b.subarray(8, 10).toString("latin1") === "qt",
  },
  { mime: "video/webm", exts: [".webm"], test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { mime: "application/pdf", exts: [".pdf"], test: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    exts: [".docx"],
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 3, 4])),
  },
  {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    exts: [".xlsx"],
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 3, 4])),
  },
];

export const ACCEPTED_EXTENSIONS = KINDS.flatMap((k) => k.exts);

/** The type of an upload from its content, or null when the content is not what its name says or not accepted. */
export function sniffType(buf: Buffer, name: string): string | null {
  const ext = extname(name).toLowerCase();
  const kind = KINDS.find((k) => k.exts.includes(ext));
  return kind?.test(buf) ? kind.mime : null;
}

/** Shown in the page (photos, videos); everything else is downloaded. */
export const showsInline = (mime: string) => mime.startsWith("image/") || mime.startsWith("video/");

const pathOf = (dir: string, sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** Stores the bytes once under their SHA-256; the same file uploaded twice takes the space once. */
export async function storeFile(dir: string, buf: Buffer): Promise<string> {
  const sha256 = createHash("sha256").update(buf).digest("hex");
  const target = pathOf(dir, sha256);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(join(dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
    // Written aside, then renamed: a crash never leaves half a file under the final name.
    const temp = `${target}.${process.pid}.${Date.now()}.part`;
    try {
      await writeFile(temp, buf);
      await rename(temp, target);
    } catch (e) {
      // A disk that filled up mid-write leaves no half file behind.
      await rm(temp, { force: true });
      throw e;
    }
  }
  return sha256;
}

/** The stored file as a stream once it is open, or null when it is not on disk (lost in a restore, removed by hand). */
export async function openStoredFile(dir: string, sha256: string) {
  const handle = await open(pathOf(dir, sha256), "r").catch(() => null);
  return handle ? handle.createReadStream() : null;
}
