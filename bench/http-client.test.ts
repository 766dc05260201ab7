import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Connection, parseAnswer } from "./http-client.js";

let server: http.Server;
let port: number;
const sockets = new Set<string>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(`${req.socket.remotePort}`);
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      if (req.url === "/chunked") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("第一块，");
        setTimeout(() => res.end("第二块"), 5);
      } else if (req.url === "/empty") {
        res.writeHead(204).end();
      } else if (req.url === "/close") {
        res.writeHead(200, { connection: "close", "content-length": "3" }).end("bye");
      } else if (req.url === "/missing") {
        res.writeHead(404, { "content-type": "application/json" }).end('{"code":"not_found"}');
      } else {
        const answer = JSON.stringify({ method: req.method, cookie: req.headers.cookie ?? null, body });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) }).end(answer);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the load generator's HTTP client", () => {
  it("sends headers and a UTF-8 body and reads answers by length, by chunks and without a body, on one socket", async () => {
    sockets.clear();
    const c = new Connection("127.0.0.1", port);
    const echo = await c.send("POST", "/echo", { cookie: "s=1", "content-type": "application/json" }, '{"说明":"按计划"}');
    expect(echo.status).toBe(200);
    expect(JSON.parse(echo.body)).toEqual({ method: "POST", cookie: "s=1", body: '{"说明":"按计划"}' });
    expect(await c.send("GET", "/chunked", {})).toEqual({ status: 200, body: "第一块，第二块" });
    expect(await c.send("GET", "/empty", {})).toEqual({ status: 204, body: "" });
    expect(await c.send("GET", "/missing", {})).toEqual({ status: 404, body: '{"code":"not_found"}' });
    expect(sockets.size).toBe(1);
    c.close();
  });

  it("opens a new socket after the server closes one", async () => {
    sockets.clear();
    const c = new Connection("127.0.0.1", port);
    expect((await c.send("GET", "/close", {})).body).toBe("bye");
    expect((await c.send("GET", "/echo", {})).status).toBe(200);
    expect(sockets.size).toBe(2);
    c.close();
  });

  it("fails the request when nothing listens", async () => {
    const c = new Connection("127.0.0.1", 1);
    await expect(c.send("GET", "/", {})).rejects.toThrow();
  });

  it("waits for an answer cut across packets", () => {
    const whole = Buffer.from("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\nabcd\r\n2\r\nef\r\n0\r\n\r\n");
    for (let cut = 0; cut < whole.length; cut++) expect(parseAnswer(whole.subarray(0, cut))).toBeNull();
    expect(parseAnswer(whole)).toEqual({ answer: { status: 200, body: "abcdef" }, used: whole.length, close: false });
  });
});
