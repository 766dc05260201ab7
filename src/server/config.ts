/** Every setting comes from the environment (documented in the README); defaults suit a laptop. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** A streaming replica for reads that tolerate lag. */
  databaseReplicaUrl?: string;
  demo: boolean;
  adminPassword?: string;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  secureCookies: boolean;
  trustProxy: boolean;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  logLevel: string;
  /** Where attachments are stored, content-addressed. */
  filesDir: string;
  maxAttachmentBytes: number;
  /** The largest work ledger (.xlsx) accepted for import. */
  maxLedgerBytes: number;
  /** Where e-mail goes out (smtp://user:pass@host:port); without it notices reach inboxes and robots only. */
  smtpUrl?: string;
  mailFrom: string;
  /** The address people open the app at, for links in e-mails and robot messages. */
  publicUrl?: string;
  /** Whether this server runs the background jobs (sweeps, supervision, deliveries). */
  jobs: boolean;
  /** How long answers that tolerate lag (the cockpit, sums by region) may be served from memory. */
  lagSeconds: number;
}

const num = (v: string | undefined, d: number) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d);
const bool = (v: string | undefined, d: boolean) =>
  v === undefined || v === "" ? d : !["0", "false", "no", "off"].includes(v.toLowerCase());

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    port: num(env.PORT, 3000),
    host: env.HOST || "0.0.0.0",
    dataDir: env.LUOSHI_DATA || "./data",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    demo: bool(env.LUOSHI_DEMO, true),
    adminPassword: env.LUOSHI_ADMIN_PASSWORD || undefined,
    sessionTtlHours: num(env.LUOSHI_SESSION_TTL_HOURS, 12),
    sessionIdleMinutes: num(env.LUOSHI_SESSION_IDLE_MINUTES, 120),
    secureCookies: bool(env.LUOSHI_SECURE_COOKIES, false),
    trustProxy: bool(env.LUOSHI_TRUST_PROXY, false),
    loginMaxFailuresPerAccount: num(env.LUOSHI_LOGIN_MAX_FAILURES, 5),
    loginMaxFailuresPerAddress: num(env.LUOSHI_LOGIN_MAX_FAILURES_PER_ADDRESS, 50),
    loginWindowMinutes: num(env.LUOSHI_LOGIN_WINDOW_MINUTES, 15),
    logLevel: env.LUOSHI_LOG_LEVEL || "info",
    filesDir: env.LUOSHI_FILES || "",
    maxAttachmentBytes: num(env.LUOSHI_MAX_ATTACHMENT_MB, 50) * 1024 * 1024,
    maxLedgerBytes: num(env.LUOSHI_MAX_LEDGER_MB, 100) * 1024 * 1024,
    smtpUrl: env.LUOSHI_SMTP_URL || undefined,
    mailFrom: env.LUOSHI_MAIL_FROM || "Luoshi <luoshi@localhost>",
    publicUrl: env.LUOSHI_PUBLIC_URL || undefined,
    jobs: bool(env.LUOSHI_JOBS, true),
    lagSeconds: num(env.LUOSHI_LAG_SECONDS, 15),
    ...overrides,
  };
  // Attachments live beside the data unless put elsewhere.
  if (!config.filesDir) config.filesDir = `${config.dataDir}/files`;
  return config;
}
