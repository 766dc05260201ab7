/**
 * Placeholder site photos for the demo, drawn here (no image files ship with it): a sky, the
 * ground and a building going up, varied by a seed, encoded as PNG with zlib.
 */
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 320×200 "site photo": the building's height and the crane's place follow the seed. */
export function sitePhoto(seed: number, width = 320, height = 200): Buffer {
  const floors = 3 + (seed % 9);
  const left = 60 + ((seed * 37) % 120);
  const crane = left + 90 + ((seed * 13) % 40);
  const ground = Math.round(height * 0.72);
  const top = ground - floors * 10;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number];
      if (y >= ground) rgb = [122 + ((x + y) % 7), 104, 82];
      else if (x >= left && x < left + 80 && y >= top)
        rgb = (y - top) % 10 < 2 ? [150, 150, 150] : (x - left) % 16 < 10 ? [188, 190, 194] : [110, 130, 150];
      else if ((x === crane || x === crane + 1) && y > 30) rgb = [230, 170, 20];
      else if (y >= 30 && y < 33 && x > crane - 70 && x < crane + 30) rgb = [230, 170, 20];
      else rgb = [140 + Math.round((y / ground) * 60), 180 + Math.round((y / ground) * 40), 230];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
