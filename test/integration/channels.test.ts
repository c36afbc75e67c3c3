import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRILL_MARKER, LIMITS } from "../../functions/adapters/channels/messages.js";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import type { ChannelKind, Contact, DeliveryResult, PageMessage } from "../../functions/core/ports.js";

/**
 * A local stand-in for each vendor's webhook endpoint: it checks the payload shape and the signature
 * the way the vendor does (DingTalk from the query, Feishu from the body, ours from the headers) and
 * answers the way the vendor answers, so the sender is exercised over real HTTP.
 */

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

type Responder = (request: Seen, index: number) => Reply;

const routes = new Map<string, { respond: Responder; seen: Seen[] }>();
let server: Server;
let base = "";
let nextRoute = 0;

/** A fresh path on the receiver; its requests are recorded in `seen`. */
function route(respond: Responder): { path: string; seen: Seen[] } {
  nextRoute += 1;
  const path = `/r${nextRoute}`;
  const seen: Seen[] = [];
  routes.set(path, { respond, seen });
  return { path, seen };
}

/** Replies in order; the last one repeats. */
function replies(...list: Reply[]): Responder {
  return (_request, index) => list[Math.min(index, list.length - 1)] ?? {};
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "/";
      const entry = routes.get(new URL(url, "http://receiver").pathname);
      if (!entry || req.method !== "POST") {
        res.writeHead(404).end("no_service");
        return;
      }
      const seen: Seen = { url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      entry.seen.push(seen);
      const reply = entry.respond(seen, entry.seen.length - 1);
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
        res.end(reply.body ?? "");
      };
      if (reply.delayMs) {
        const timer = setTimeout(answer, reply.delayMs);
        res.on("close", () => clearTimeout(timer));
      } else {
        answer();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const ACK = "https://yanlian.example.com/ack/tok_9d8c7b6a5f";
const KEY = "wk-3f9c1d2e5b7a4c6d8e0f";
const SECRET = "SECc0ffee5ecret0123456789abcdef";

const message: PageMessage = {
  drillId: "dr-0042",
  teamId: "tm-0007",
  lang: "zh",
  title: `${DRILL_MARKER}文章含敏感词已发布`,
  text: "一篇含敏感词的文章刚刚推送给 12 万粉丝。请在 15 分钟内删除并通知客户。",
  ackUrl: ACK,
  recipientName: "陈晓",
};

function contact(
  channel: ChannelKind,
  path: string,
  options: { secret?: string; query?: string } = {},
): Contact {
  const query = options.query ?? `key=${KEY}`;
  return {
    userId: "u-chen",
    name: "陈晓",
    channel,
    target: `${base}${path}?${query}`,
    ...(options.secret ? { secret: options.secret } : {}),
  };
}

/** Tests do not wait out real backoff; the policy itself is specified in the unit tests. */
const fast = { backoffMs: () => 0, allowLoopback: true };

const ok = {
  wecom: { body: '{"errcode":0,"errmsg":"ok"}' },
  feishu: { body: '{"code":0,"msg":"success","data":{}}' },
};

/** Untyped on purpose: the receiver reads the body as a vendor would, field by field. */
function json(seen: Seen) {
  return JSON.parse(seen.body);
}

function within(seconds: number, then: number, now: number): boolean {
  return Math.abs(now - then) <= seconds;
}

/** DingTalk: recompute base64(HMAC-SHA256(secret, "timestamp\nsecret")) from the query's timestamp. */
function dingtalkVerifies(seen: Seen, secret: string): boolean {
  const query = new URL(seen.url, "http://receiver").searchParams;
  const timestamp = query.get("timestamp") ?? "";
  const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  const rawSign = /[?&]sign=([^&]*)/.exec(seen.url)?.[1] ?? "";
  return (
    within(3600_000, Number(timestamp), Date.now()) &&
    query.get("sign") === expected &&
    rawSign === encodeURIComponent(expected)
  );
}

/** Feishu: recompute base64(HMAC-SHA256 keyed by "timestamp\nsecret" over nothing) from the body. */
function feishuVerifies(seen: Seen, secret: string): boolean {
  const { timestamp, sign } = json(seen);
  const expected = createHmac("sha256", `${timestamp}\n${secret}`).update(Buffer.alloc(0)).digest("base64");
  return (
    typeof timestamp === "string" && within(3600, Number(timestamp), Date.now() / 1000) && sign === expected
  );
}

/** Ours, exactly as README.md tells a receiver to do it. */
function webhookVerifies(seen: Seen, secret: string): boolean {
  const timestamp = String(seen.headers["x-yanlian-timestamp"] ?? "");
  const given = Buffer.from(String(seen.headers["x-yanlian-signature"] ?? ""));
  const mac = createHmac("sha256", secret).update(`${timestamp}.${seen.body}`).digest("hex");
  const wanted = Buffer.from(`sha256=${mac}`);
  return (
    within(300, Number(timestamp), Date.now() / 1000) &&
    given.length === wanted.length &&
    timingSafeEqual(given, wanted)
  );
}

const results: DeliveryResult[] = [];
async function send(c: Contact, options: Parameters<typeof createChannelSender>[0] = fast) {
  const result = await createChannelSender(options).send(c, message);
  results.push(result);
  return result;
}

describe("each vendor receives a page it accepts", () => {
  it("WeCom: a markdown message within 4096 bytes, the marker first, the link inside", async () => {
    const { path, seen } = route(replies(ok.wecom));
    const result = await send(contact("wecom", path));
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`${path}?key=${KEY}`);
    expect(seen[0]!.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = json(seen[0]!);
    expect(body.msgtype).toBe("markdown");
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
    expect(body.markdown.content.startsWith(DRILL_MARKER)).toBe(true);
    expect(body.markdown.content).toContain("@陈晓");
    expect(body.markdown.content).toContain(`(${ACK})`);
  });

  it("DingTalk signed: the sign in the query verifies against the secret", async () => {
    const { path, seen } = route((request) =>
      dingtalkVerifies(request, SECRET)
        ? { body: '{"errcode":0,"errmsg":"ok"}' }
        : { body: '{"errcode":310000,"errmsg":"sign not match"}' },
    );
    const result = await send(contact("dingtalk", path, { secret: SECRET, query: `access_token=${KEY}` }));
    expect(result).toMatchObject({ ok: true, attempts: 1 });
    const query = new URL(seen[0]!.url, "http://receiver").searchParams;
    expect(query.get("access_token")).toBe(KEY);
    const body = json(seen[0]!);
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.title.startsWith(DRILL_MARKER)).toBe(true);
    expect(body.markdown.text).toContain(`(${ACK})`);
  });

  it("DingTalk with the wrong secret: the vendor's refusal is a failure that is not retried", async () => {
    const { path, seen } = route((request) =>
      dingtalkVerifies(request, "SECsomeone-else-0000000000")
        ? { body: '{"errcode":0,"errmsg":"ok"}' }
        : { body: '{"errcode":310000,"errmsg":"sign not match"}' },
    );
    const result = await send(contact("dingtalk", path, { secret: SECRET, query: `access_token=${KEY}` }));
    expect(result).toMatchObject({ ok: false, status: 200, attempts: 1 });
    expect(result.error).toBe("errcode 310000: sign not match");
    expect(seen).toHaveLength(1);
  });

  it("Feishu signed: an interactive card whose body signature verifies", async () => {
    const { path, seen } = route((request) =>
      feishuVerifies(request, SECRET)
        ? ok.feishu
        : {
            body: '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}',
          },
    );
    const result = await send(contact("feishu", path, { secret: SECRET }));
    expect(result).toMatchObject({ ok: true, attempts: 1 });
    const body = json(seen[0]!);
    expect(body.msg_type).toBe("interactive");
    expect(body.card.header.title.content.startsWith(DRILL_MARKER)).toBe(true);
    expect(body.card.elements[0].text.content).toContain("@陈晓");
    expect(body.card.elements[1].actions[0]).toMatchObject({ tag: "button", url: ACK });
    expect(Buffer.byteLength(seen[0]!.body)).toBeLessThanOrEqual(LIMITS.feishuBodyBytes);
  });

  it("Feishu: code 19021 (bad signature) with HTTP 200 is a failure, not retried", async () => {
    const { path, seen } = route(
      replies({
        body: '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}',
      }),
    );
    const result = await send(contact("feishu", path, { secret: SECRET }));
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 200 });
    expect(result.error).toMatch(/^code 19021: sign match fail/);
    expect(seen).toHaveLength(1);
  });

  it("Slack: text and blocks with a link button; Slack's plain `ok` means delivered", async () => {
    const { path, seen } = route(replies({ body: "ok", headers: { "content-type": "text/html" } }));
    const result = await send(contact("slack", path));
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 1 });
    const body = json(seen[0]!);
    expect(body.text.startsWith(DRILL_MARKER)).toBe(true);
    expect(body.blocks[0].text.text.startsWith(DRILL_MARKER)).toBe(true);
    expect(body.blocks.find((b: { type: string }) => b.type === "actions").elements[0].url).toBe(ACK);
  });

  it("Slack: 404 no_service is named in the error and not retried", async () => {
    const { path, seen } = route(
      replies({ status: 404, body: "no_service", headers: { "content-type": "text/html" } }),
    );
    const result = await send(contact("slack", path));
    expect(result).toMatchObject({ ok: false, status: 404, attempts: 1, error: "HTTP 404: no_service" });
    expect(seen).toHaveLength(1);
  });

  it("our webhook: the signature in the headers verifies over the raw body", async () => {
    const { path, seen } = route((request) =>
      webhookVerifies(request, SECRET) ? { status: 204 } : { status: 401, body: '{"error":"bad signature"}' },
    );
    const result = await send(contact("webhook", path, { secret: SECRET, query: "team=7" }));
    expect(result).toMatchObject({ ok: true, status: 204, attempts: 1 });
    const body = json(seen[0]!);
    expect(body).toMatchObject({ type: "yanlian.drill.page", version: 1, drill: true, drillId: "dr-0042" });
    expect(body.title.startsWith(DRILL_MARKER)).toBe(true);
    expect(body.ackUrl).toBe(ACK);
    expect(seen[0]!.headers["x-yanlian-event"]).toBe("yanlian.drill.page");
  });

  it("our webhook: a receiver that rejects the signature gets no retries", async () => {
    const { path, seen } = route((request) =>
      webhookVerifies(request, "another-secret")
        ? { status: 204 }
        : { status: 401, body: '{"error":"bad signature"}' },
    );
    const result = await send(contact("webhook", path, { secret: SECRET }));
    // The status, not the receiver's words: a generic webhook can point at any public host.
    expect(result).toMatchObject({
      ok: false,
      status: 401,
      attempts: 1,
      error: "HTTP 401",
      code: "http_status",
    });
    expect(seen).toHaveLength(1);
  });
});

describe("retries: transient failures heal, permanent ones fail fast", () => {
  it("500 twice then 200: delivered on the third attempt", async () => {
    const { path, seen } = route(replies({ status: 500 }, { status: 500 }, { status: 200 }));
    const result = await send(contact("webhook", path));
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 3 });
    expect(seen).toHaveLength(3);
  });

  it("400: no retry", async () => {
    const { path, seen } = route(replies({ status: 400, body: "invalid_payload" }));
    const result = await send(contact("slack", path));
    expect(result).toMatchObject({ ok: false, status: 400, attempts: 1, error: "HTTP 400: invalid_payload" });
    expect(seen).toHaveLength(1);
  });

  it("429: retried, honouring a short Retry-After", async () => {
    const { path, seen } = route(replies({ status: 429, headers: { "retry-after": "0" } }, { status: 200 }));
    const result = await send(contact("slack", path));
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  it("5xx on every attempt: fails after 1 + retries attempts with the last status", async () => {
    const { path, seen } = route(replies({ status: 503 }));
    const result = await send(contact("webhook", path), { ...fast, retries: 3 });
    expect(result).toMatchObject({ ok: false, status: 503, attempts: 4, error: "HTTP 503" });
    expect(seen).toHaveLength(4);
  });

  it("a receiver slower than the timeout: each attempt times out, is retried, and the page fails", async () => {
    const { path, seen } = route(replies({ delayMs: 2000, body: '{"errcode":0}' }));
    const result = await send(contact("wecom", path), { ...fast, timeoutMs: 200, retries: 2 });
    expect(result).toMatchObject({ ok: false, attempts: 3, error: "timeout after 200 ms" });
    expect(result.status).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(3 * 190);
    expect(result.durationMs).toBeLessThan(2000);
    expect(seen).toHaveLength(3);
  });

  it("WeCom errcode 93000 with HTTP 200: a failure with the vendor's words, not retried", async () => {
    const { path, seen } = route(
      replies({
        body: JSON.stringify({
          errcode: 93000,
          errmsg: `invalid webhook url, hint: [1714538355214402498975046], from ip: 119.2.196.241, more info at https://open.work.weixin.qq.com/devtool/query?e=93000&key=${KEY}`,
        }),
      }),
    );
    const result = await send(contact("wecom", path));
    expect(result).toMatchObject({
      ok: false,
      status: 200,
      attempts: 1,
      error: "errcode 93000: invalid webhook url",
    });
    expect(seen).toHaveLength(1);
  });

  it("WeCom errcode 45009 (rate limited): retried until it passes", async () => {
    const { path, seen } = route(
      replies(
        { body: '{"errcode":45009,"errmsg":"api freq out of limit"}' },
        { body: '{"errcode":0,"errmsg":"ok"}' },
      ),
    );
    const result = await send(contact("wecom", path));
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  it("Feishu 11232 (frequency limit): retried; a vendor answer without a code is not success", async () => {
    const limited = route(replies({ body: '{"code":11232,"msg":"frequency limited"}' }, ok.feishu));
    expect(await send(contact("feishu", limited.path))).toMatchObject({ ok: true, attempts: 2 });
    const odd = route(replies({ body: "<html>gateway</html>" }));
    const result = await send(contact("feishu", odd.path));
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      error: "HTTP 200: unexpected response from feishu",
    });
  });

  it("a redirect is not followed: the page would leave for a host nobody configured", async () => {
    const elsewhere = route(replies({ status: 200 }));
    const { path } = route(replies({ status: 302, headers: { location: `${base}${elsewhere.path}` } }));
    const result = await send(contact("webhook", path));
    expect(result).toMatchObject({ ok: false, status: 302, attempts: 1 });
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("nobody listening: a network error, retried, named by its code", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dead: Contact = { ...contact("wecom", "/x"), target: `http://127.0.0.1:${port}/hook?key=${KEY}` };
    const result = await send(dead, { ...fast, retries: 1 });
    expect(result).toMatchObject({ ok: false, attempts: 2, error: "network error: ECONNREFUSED" });
  });
});

describe("safety", () => {
  it("a remote non-https webhook is refused before any request", async () => {
    const { seen } = route(replies({ status: 200 }));
    const result = await send({ ...contact("webhook", "/x"), target: `http://example.com/hook?key=${KEY}` });
    expect(result).toMatchObject({ ok: false, attempts: 0 });
    expect(result.error).toMatch(/https/);
    expect(seen).toHaveLength(0);
  });

  it("no error text in this file's deliveries names the URL, the key, the port or the secret", () => {
    const failures = results.filter((r) => !r.ok);
    expect(failures.length).toBeGreaterThanOrEqual(10);
    const port = new URL(base).port;
    for (const { error } of failures) {
      expect(error).toBeTruthy();
      for (const secret of [KEY, SECRET, base, `127.0.0.1:${port}`, "example.com", "?key="]) {
        expect(error).not.toContain(secret);
      }
      expect(error!.length).toBeLessThanOrEqual(120);
    }
  });
});
