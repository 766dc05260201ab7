import { Transform } from "node:stream";

/**
 * Passes bytes on in pieces of at least `size` (the last one smaller). A spreadsheet writer hands
 * out a few dozen bytes at a time: streamed as they come, a 17 KB ledger went out as some 300
 * chunks, each its own write to the socket.
 */
export function coalescing(size = 64 * 1024): Transform {
  let parts: Buffer[] = [];
  let length = 0;
  const take = () => {
    const whole = Buffer.concat(parts, length);
    parts = [];
    length = 0;
    return whole;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      length += chunk.length;
      done(null, length >= size ? take() : undefined);
    },
    flush(done) {
      done(null, length ? take() : undefined);
    },
  });
}
