/**
 * Real receivers on loopback for tests: an SMTP server (smtp-server) and an HTTP endpoint that
 * stands in for a group robot. Not used by the app itself.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  raw: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header. */
export function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

export interface LoopbackSmtp {
  url: string;
  mails: ReceivedMail[];
  /** While set, every recipient is refused with this reply. */
  refuse: string | null;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<LoopbackSmtp> {
  const state: LoopbackSmtp = { url: "", mails: [], refuse: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse) return callback(Object.assign(new Error(state.refuse), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const header = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
        const subject = decodeHeader(/^subject: (.*)$/im.exec(header)?.[1] ?? "");
        state.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export interface RobotRequest {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface LoopbackRobot {
  url: string;
  requests: RobotRequest[];
  /** What to answer: a 200 with errcode 0, an HTTP error, or a 200 with a refusal in the body. */
  mode: "ok" | "http_error" | "refuse";
  close(): Promise<void>;
}

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

export async function startRobot(): Promise<LoopbackRobot> {
  const state: LoopbackRobot = { url: "", requests: [], mode: "ok", close: async () => {} };
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    const text = await bodyOf(req);
    if (state.mode === "http_error") {
      res.writeHead(503).end("busy");
      return;
    }
    state.requests.push({ path: u.pathname, query: u.searchParams, body: JSON.parse(text) });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify(state.mode === "refuse" ? { errcode: 310000, errmsg: "sign not match" } : { errcode: 0, errmsg: "ok" }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
