/**
 * A zip archive written straight to a stream: what an .xlsx file is. Parts known in advance are
 * compressed once (`preparePart`) and copied into every archive; a part written as it is made
 * (a worksheet) is compressed as it goes and followed by a data descriptor with its checksum and
 * sizes, so nothing waits for the whole part.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { constants, crc32, createDeflateRaw, type DeflateRaw, deflateRawSync } from "node:zlib";

/** A part compressed once, ready to copy into any archive. */
export interface PreparedPart {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

interface Written {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  flags: number;
}

const DEFLATE = 8;
const DESCRIPTOR_FOLLOWS = 0x0008;
const UTF8_NAMES = 0x0800;
// Pieces of a part handed to the compressor at once: small parts are compressed in one call.
const PIECE = 64 * 1024;

/** Waits until `stream` takes more; fails if it is closed first (a reader that went away). */
async function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) throw new Error("the archive's stream was closed");
  const ac = new AbortController();
  try {
    await Promise.race([
      once(stream, "drain", { signal: ac.signal }),
      once(stream, "close", { signal: ac.signal }).then(() => {
        throw new Error("the archive's stream was closed");
      }),
    ]);
  } finally {
    ac.abort();
  }
}

export function preparePart(name: string, content: string | Buffer): PreparedPart {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return { name: Buffer.from(name), crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes) };
}

/** MS-DOS date and time, as zip headers keep them (local time, two-second steps). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly parts: Written[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(private readonly out: Writable) {}

  /** Writes `bytes`, waiting while the reader is behind; fails if the stream was closed. */
  private async write(bytes: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error("the archive's stream was closed");
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await drained(this.out);
  }

  private localHeader(name: Buffer, flags: number, crc: number, compressedSize: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressedSize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  async addPrepared(part: PreparedPart): Promise<void> {
    const offset = this.offset;
    await this.write(this.localHeader(part.name, UTF8_NAMES, part.crc, part.data.length, part.size));
    await this.write(part.data);
    this.parts.push({
      name: part.name,
      crc: part.crc,
      compressedSize: part.data.length,
      size: part.size,
      offset,
      flags: UTF8_NAMES,
    });
  }

  /** A part written piece by piece: `write` its text in order, then `end` it before the next part. */
  async openPart(partName: string): Promise<{ write(text: string): Promise<void>; end(): Promise<void> }> {
    const name = Buffer.from(partName);
    const flags = UTF8_NAMES | DESCRIPTOR_FOLLOWS;
    const offset = this.offset;
    await this.write(this.localHeader(name, flags, 0, 0, 0));
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    let pending: string[] = [];
    let pendingLength = 0;
    let deflate: DeflateRaw | null = null;
    let failed: Error | null = null;
    const written: Promise<void>[] = [];
    const startDeflate = () => {
      // The fastest level: a sheet is compressed while its reader waits, and XML shrinks well even so.
      const z = createDeflateRaw({ level: constants.Z_BEST_SPEED });
      // Its failure is kept in `failed` and thrown to the writer at its next step.
      z.on("error", (e) => {
        failed ??= e;
      });
      z.on("data", (chunk: Buffer) => {
        compressedSize += chunk.length;
        // Compressed output goes out in order; the compressor waits while the reader is behind.
        z.pause();
        written.push(
          this.write(chunk).then(
            () => void z.resume(),
            (e: Error) => {
              failed = e;
              z.destroy(e);
            },
          ),
        );
      });
      return z;
    };
    const take = () => {
      const bytes = Buffer.from(pending.join(""));
      pending = [];
      pendingLength = 0;
      crc = crc32(bytes, crc);
      size += bytes.length;
      return bytes;
    };
    const feed = async (bytes: Buffer) => {
      if (failed) throw failed;
      deflate ??= startDeflate();
      if (!deflate.write(bytes)) await drained(deflate).catch((e) => Promise.reject(failed ?? e));
      if (failed) throw failed;
    };
    return {
      write: async (text: string) => {
        pending.push(text);
        pendingLength += text.length;
        if (pendingLength >= PIECE) await feed(take());
      },
      end: async () => {
        const rest = take();
        if (!deflate) {
          const data = deflateRawSync(rest);
          compressedSize = data.length;
          await this.write(data);
        } else {
          if (failed) throw failed;
          const z = deflate as DeflateRaw;
          const ended = once(z, "end");
          z.end(rest);
          await ended;
          await Promise.all(written);
          if (failed) throw failed;
        }
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(crc, 4);
        d.writeUInt32LE(compressedSize, 8);
        d.writeUInt32LE(size, 12);
        await this.write(d);
        this.parts.push({ name, crc, compressedSize, size, offset, flags });
      },
    };
  }

  /** The central directory and its end record: the archive is complete after this. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const p of this.parts) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(p.flags, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(p.crc, 16);
      h.writeUInt32LE(p.compressedSize, 20);
      h.writeUInt32LE(p.size, 24);
      h.writeUInt16LE(p.name.length, 28);
      h.writeUInt32LE(p.offset, 42);
      await this.write(Buffer.concat([h, p.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.parts.length, 8);
    end.writeUInt16LE(this.parts.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
