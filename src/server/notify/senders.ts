import { createHmac } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { ChannelKind } from "../../domain/supervision.js";
import type { OutgoingMessage } from "./notify.js";

/** One message to one address; throws with a reason a person can act on when it does not go. */
export type Send = (kind: ChannelKind, target: string, secret: string | null, message: OutgoingMessage) => Promise<void>;

/** DingTalk signs `timestamp\nsecret` with the secret as key (milliseconds, in the query string). */
export function dingtalkSignedUrl(url: string, secret: string, now = Date.now()): string {
  const sign = createHmac("sha256", secret).update(`${now}\n${secret}`).digest("base64");
  const u = new URL(url);
  u.searchParams.set("timestamp", String(now));
  u.searchParams.set("sign", sign);
  return u.toString();
}

/** Feishu keys the HMAC with `timestamp\nsecret` over an empty message (seconds, in the body). */
export function feishuSign(secret: string, seconds: number): string {
  return createHmac("sha256", `${seconds}\n${secret}`).update("").digest("base64");
}

const markdown = (m: OutgoingMessage) => `### ${m.subject}\n\n${m.text.replace(/\n/g, "\n\n")}\n\n[${m.url}](${m.url})`;

/** The request each group robot expects: its address (signed where it signs) and its JSON body. */
export function robotRequest(
  kind: Exclude<ChannelKind, "email">,
  target: string,
  secret: string | null,
  m: OutgoingMessage,
  now = Date.now(),
) {
  if (kind === "dingtalk")
    return {
      url: secret ? dingtalkSignedUrl(target, secret, now) : target,
      body: { msgtype: "markdown", markdown: { title: m.subject, text: markdown(m) } },
    };
  if (kind === "wecom") return { url: target, body: { msgtype: "markdown", markdown: { content: markdown(m) } } };
  const seconds = Math.floor(now / 1000);
  const signed = secret ? { timestamp: String(seconds), sign: feishuSign(secret, seconds) } : {};
  return { url: target, body: { ...signed, msg_type: "text", content: { text: `${m.subject}\n${m.text}\n${m.url}` } } };
}

/** Robots answer 200 with an error code in the body when they refuse (bad signature, rate limit). */
function robotRefusal(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const b = body as Record<string, unknown>;
  const code = b.errcode ?? b.code ?? b.StatusCode;
  if (code === undefined || code === 0) return null;
  return `${code} ${String(b.errmsg ?? b.msg ?? b.StatusMessage ?? "")}`.trim();
}

async function postRobot(kind: Exclude<ChannelKind, "email">, target: string, secret: string | null, m: OutgoingMessage) {
  const { url, body } = robotRequest(kind, target, secret, m);
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new Error(`no answer from ${new URL(target).host}: ${cause ?? (e as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(target).host}: ${text.slice(0, 200)}`);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Some receivers answer plain text; a 2xx is taken as delivered.
  }
  const refusal = robotRefusal(parsed);
  if (refusal) throw new Error(`refused by ${new URL(target).host}: ${refusal}`);
}

/** The real senders: SMTP through nodemailer (when configured) and HTTPS to the robots. */
export function realSender(opts: { smtpUrl?: string; mailFrom: string }): Send & { close(): void } {
  let transport: Transporter | null = null;
  const send = async (kind: ChannelKind, target: string, secret: string | null, m: OutgoingMessage) => {
    if (kind !== "email") return postRobot(kind, target, secret, m);
    if (!opts.smtpUrl) throw new Error("e-mail is not configured (LUOSHI_SMTP_URL)");
    transport ??= nodemailer.createTransport({
      url: opts.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await transport.sendMail({ from: opts.mailFrom, to: target, subject: m.subject, text: `${m.text}\n\n${m.url}` });
  };
  return Object.assign(send, { close: () => transport?.close() });
}
