import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { TEST_PASSWORD } from "../db/factories.js";
import type { UserRow } from "../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../db/testing.js";
import { type App, buildApp, type RouteInfo } from "./app.js";
import { type Config, configFromEnv } from "./config.js";

export interface TestApp {
  app: App & { routeList: RouteInfo[] };
  database: TestDatabase;
  config: Config;
  /** Signs in through the real login route and returns a client holding the cookie and CSRF token. */
  signIn(user: Pick<UserRow, "username">, password?: string): Promise<Agent>;
  anonymous: Agent;
  close(): Promise<void>;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Agent {
  cookie?: string;
  csrfToken?: string;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function makeAgent(app: App, cookie?: string, csrfToken?: string, defaults: Record<string, string> = {}): Agent {
  const agent: Agent = {
    cookie,
    csrfToken,
    request(method, url, body, headers = {}) {
      return app.inject({
        method,
        url,
        headers: {
          "accept-language": "en",
          ...defaults,
          ...(agent.cookie ? { cookie: agent.cookie } : {}),
          ...(agent.csrfToken && method !== "GET" ? { "x-csrf-token": agent.csrfToken } : {}),
          ...(body !== undefined
            ? { "content-type": Buffer.isBuffer(body) ? "application/octet-stream" : "application/json" }
            : {}),
          ...headers,
        },
        payload: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
      });
    },
    get: (url, headers) => agent.request("GET", url, undefined, headers),
    post: (url, body = {}, headers) => agent.request("POST", url, body, headers),
    patch: (url, body = {}, headers) => agent.request("PATCH", url, body, headers),
    put: (url, body = {}, headers) => agent.request("PUT", url, body, headers),
  };
  return agent;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = configFromEnv(
    {},
    {
      demo: false,
      loginMaxFailuresPerAddress: 1000,
      filesDir: mkdtempSync(join(tmpdir(), "luoshi-files-")),
      ...overrides,
    },
  );
  const app = await buildApp({ database, config, logger: process.env.LUOSHI_TEST_LOG ? { level: "error" } : false });
  await app.ready();
  return {
    app,
    database,
    config,
    anonymous: makeAgent(app),
    async signIn(user, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: user.username, password }),
      });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${user.username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === "luoshi_session");
      return makeAgent(app, `luoshi_session=${setCookie?.value}`, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
