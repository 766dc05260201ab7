import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { coalescing } from "./coalescing.js";

async function run(pieces: Buffer[], size: number) {
  const out: Buffer[] = [];
  await pipeline(Readable.from(pieces), coalescing(size), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return out;
}

describe("coalescing", () => {
  it("passes every byte on, in order, in pieces of at least the size but the last", async () => {
    const pieces = Array.from({ length: 300 }, (_, i) => Buffer.from(`<c r="A${i}"/>`));
    const out = await run(pieces, 1024);
    expect(Buffer.concat(out).toString()).toBe(Buffer.concat(pieces).toString());
    expect(out.length).toBeLessThan(10);
    for (const chunk of out.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1024);
  });

  it("sends a small stream as one piece, and nothing for an empty one", async () => {
    expect((await run([Buffer.from("ab"), Buffer.from("cd")], 1024)).map(String)).toEqual(["abcd"]);
    expect(await run([], 1024)).toEqual([]);
  });
});
