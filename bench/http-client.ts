/**
 * A lean HTTP/1.1 keep-alive client for the load generator: one socket, one request at a time,
 * the request written as one buffer and the answer read by its length or its chunks. node:http
 * cost the generator about half a millisecond of CPU a request, and on a machine where the
 * generator, the server and PostgreSQL share two cores that came out of the server's figures.
 */
import net from "node:net";

export interface Answer {
  status: number;
  body: string;
}

const HEAD_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** Reads one answer from the front of `buf`: its status, body and length, or null while incomplete. */
export function parseAnswer(buf: Buffer): { answer: Answer; used: number; close: boolean } | null {
  const headEnd = buf.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = buf.subarray(0, headEnd).toString("latin1").split("\r\n");
  const status = Number(head[0].split(" ")[1]);
  let length: number | null = null;
  let chunked = false;
  let close = false;
  for (const line of head.slice(1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (name === "content-length") length = Number(value);
    else if (name === "transfer-encoding") chunked = value.includes("chunked");
    else if (name === "connection") close = value === "close";
  }
  let at = headEnd + 4;
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) length = 0;
  if (!chunked) {
    if (length === null) throw new Error("an answer without content-length or chunks");
    if (buf.length < at + length) return null;
    return { answer: { status, body: buf.subarray(at, at + length).toString("utf8") }, used: at + length, close };
  }
  const parts: Buffer[] = [];
  for (;;) {
    const lineEnd = buf.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buf.subarray(at, lineEnd).toString("latin1"), 16);
    if (Number.isNaN(size)) throw new Error("a chunk without a size");
    at = lineEnd + 2;
    if (size === 0) {
      // Trailers, if any, end with an empty line.
      const end = buf.indexOf(CRLF, at);
      if (end < 0) return null;
      if (end === at) at += 2;
      else {
        const trailersEnd = buf.indexOf(HEAD_END, at);
        if (trailersEnd < 0) return null;
        at = trailersEnd + 4;
      }
      return { answer: { status, body: Buffer.concat(parts).toString("utf8") }, used: at, close };
    }
    if (buf.length < at + size + 2) return null;
    parts.push(buf.subarray(at, at + size));
    at += size + 2;
  }
}

/** One keep-alive connection: `send` waits for the answer before the next request may go. */
export class Connection {
  private socket: net.Socket | null = null;
  private pending: Buffer = Buffer.alloc(0);
  private waiter: { resolve: (a: Answer) => void; reject: (e: Error) => void; socket: net.Socket } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  private open(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on("data", (chunk: Buffer) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      this.deliver();
    });
    // Only the request on this socket fails with it (an earlier socket may close after its answer).
    const fail = (error: Error) => {
      if (this.socket === socket) this.socket = null;
      if (this.waiter?.socket !== socket) return;
      const w = this.waiter;
      this.waiter = null;
      w.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("the server closed the connection")));
    this.socket = socket;
    this.pending = Buffer.alloc(0);
    return socket;
  }

  private deliver() {
    if (!this.waiter) return;
    let parsed: ReturnType<typeof parseAnswer>;
    try {
      parsed = parseAnswer(this.pending);
    } catch (e) {
      this.waiter.reject(e as Error);
      this.waiter = null;
      this.socket?.destroy();
      return;
    }
    if (!parsed) return;
    this.pending = this.pending.subarray(parsed.used);
    const w = this.waiter;
    this.waiter = null;
    if (parsed.close) {
      const s = this.socket;
      this.socket = null;
      s?.destroy();
    }
    w.resolve(parsed.answer);
  }

  send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(body, "utf8");
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\nconnection: keep-alive\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    if (payload) head += `content-length: ${payload.length}\r\n`;
    head += "\r\n";
    const bytes = payload ? Buffer.concat([Buffer.from(head, "latin1"), payload]) : Buffer.from(head, "latin1");
    return new Promise<Answer>((resolve, reject) => {
      const socket = this.socket ?? this.open();
      this.waiter = { resolve, reject, socket };
      socket.write(bytes);
    });
  }

  close() {
    this.socket?.destroy();
    this.socket = null;
  }
}
