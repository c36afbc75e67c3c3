import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecureContext } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRILL_MARKER } from "../../functions/adapters/channels/messages.js";
import {
  createChannelSender,
  type OutboundRequest,
  pinnedTransport,
} from "../../functions/adapters/channels/sender.js";
import type { Lookup } from "../../functions/adapters/channels/targets.js";
import type { ChannelSender, Contact, PageMessage } from "../../functions/core/ports.js";
import { type Api, startApi, twoTeams } from "../support/api.js";

/**
 * Issue 13, item 3: the roster as a port scanner and a reader of internal services. The attacker is a
 * team's own manager: they choose the webhook URLs, press "send test page" and read the answer. Each
 * way in gets its test: an internal address written straight into the roster, a public-looking name
 * that resolves inside, a name whose answer changes between the check and the connect, a receiver
 * that redirects inward, and a receiver whose answer holds a secret that must not come back out.
 *
 * DNS is the injected resolver below (no test asks a real one), and every server here listens on
 * 127.0.0.1 only and is closed at the end.
 */

const PUBLIC = "93.184.215.14";

/** The test's DNS: names map to answers; a function answer can change between calls. */
const zone = new Map<string, string[] | (() => string[])>();
const lookups: string[] = [];
const lookup: Lookup = async (hostname) => {
  lookups.push(hostname);
  const answer = zone.get(hostname);
  const addresses = typeof answer === "function" ? answer() : answer;
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return addresses.map((address) => ({
    address,
    family: address.includes(":") ? (6 as const) : (4 as const),
  }));
};

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A receiver on loopback: it records each request and answers as `reply` says for its path. */
async function receiver(
  reply: (path: string) => { status: number; body?: string; headers?: Record<string, string> },
) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      hits.push({ path: req.url ?? "", headers: req.headers });
      const r = reply(req.url ?? "");
      res.writeHead(r.status, { "content-type": "application/json", ...r.headers }).end(r.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    hits,
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SECRET = "AKIAIOSFODNN7EXAMPLE-wJalrXUtnFEMI";

let internal: Awaited<ReturnType<typeof receiver>>;
let outside: Awaited<ReturnType<typeof receiver>>;

/**
 * The API under test pages through `current`: production rules (no loopback) by default; the
 * local-mode rules (loopback allowed, as `npm start -- --allow-loopback-webhooks` does) where a test
 * needs a receiver on this machine to play the attacker's server.
 */
const production = createChannelSender({ retries: 0, timeoutMs: 2000, lookup });
const localMode = createChannelSender({ retries: 0, timeoutMs: 2000, lookup, allowLoopback: true });
let current: ChannelSender = production;
const channels: ChannelSender = {
  send: (contact, message) => current.send(contact, message),
  vet: (contact) => current.vet(contact),
};

let api: Api;
let teams: Awaited<ReturnType<typeof twoTeams>>;

beforeAll(async () => {
  // "Internal" services: what the attacker wants to reach. Anything hitting them is a failure.
  internal = await receiver(() => ({
    status: 200,
    body: `{"Code":"Success","SecretAccessKey":"${SECRET}"}`,
  }));
  // The attacker's own receiver, standing in (on loopback) for a public host.
  outside = await receiver((path) => {
    if (path.startsWith("/redirect-metadata"))
      return { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/iam/" } };
    if (path.startsWith("/redirect-internal"))
      return { status: 307, headers: { location: internal.url("/admin") } };
    if (path.startsWith("/echo-500")) return { status: 500, body: JSON.stringify({ error: SECRET }) };
    if (path.startsWith("/echo-400")) return { status: 400, body: "akiaiosfodnn7example_wjalrxutnfemi" };
    if (path.startsWith("/echo-200")) return { status: 200, body: JSON.stringify({ message: SECRET }) };
    return { status: 204 };
  });
  api = await startApi({ channels });
  teams = await twoTeams(api);
});

afterAll(async () => {
  await internal?.close();
  await outside?.close();
});

const rosterPath = () => `/api/teams/${teams.a.teamId}/roster`;
const testPagePath = () => `/api/teams/${teams.a.teamId}/roster/test-page`;

function putPrimary(channel: string, target: string) {
  return api.call("PUT", rosterPath(), {
    session: teams.a.manager,
    body: { primary: { userId: teams.a.responder.userId, channel, target } },
  });
}

async function testPage() {
  const res = await api.call("POST", testPagePath(), { session: teams.a.manager });
  expect(res.status).toBe(200);
  return { res, primary: res.json.results[0] as Record<string, unknown> };
}

describe("a manager writes an internal address into the roster: refused with the field's path", () => {
  const internalTargets: Array<[channel: string, target: string, code: string]> = [
    ["webhook", "https://169.254.169.254/latest/meta-data/iam/security-credentials/", "blocked_address"],
    ["webhook", "https://10.0.0.5/hook", "blocked_address"],
    ["webhook", "https://10.255.255.255:8443/hook", "blocked_address"],
    ["webhook", "https://172.16.0.1/hook", "blocked_address"],
    ["webhook", "https://192.168.1.1/cgi-bin/luci", "blocked_address"],
    ["webhook", "https://[fd00::1]/hook", "blocked_address"],
    ["webhook", "https://[fd00:ec2::254]/latest/meta-data/", "blocked_address"],
    ["webhook", "https://[fe80::1]/hook", "blocked_address"],
    ["webhook", "https://[::ffff:169.254.169.254]/latest/meta-data/", "blocked_address"],
    ["webhook", "https://[::ffff:127.0.0.1]:6379/", "blocked_address"],
    ["webhook", "https://metadata.google.internal/computeMetadata/v1/", "blocked_address"],
    ["webhook", "https://metadata/computeMetadata/v1/", "blocked_address"],
    ["webhook", "https://100.100.100.200/latest/meta-data/", "blocked_address"],
    ["webhook", "https://100.64.0.1/hook", "blocked_address"],
    ["webhook", "https://127.0.0.1:6379/", "blocked_address"],
    ["webhook", "https://0x7f000001:6379/", "blocked_address"],
    ["webhook", "https://2130706433/", "blocked_address"],
    ["webhook", "https://0.0.0.0:8787/", "blocked_address"],
    ["webhook", "https://[::1]:2375/containers/json", "blocked_address"],
    ["webhook", "https://redis.localhost/", "blocked_address"],
    ["webhook", "http://127.0.0.1:6379/", "blocked_address"],
    ["webhook", "http://localhost:2375/containers/json", "blocked_address"],
    ["webhook", "http://[::1]:8787/api/teams", "blocked_address"],
    ["webhook", "http://hooks.example.com/x", "insecure_url"],
    // Vendor channels: the vendor's host, over https on its port, or nothing.
    ["wecom", "https://169.254.169.254/cgi-bin/webhook/send?key=k", "vendor_host"],
    ["wecom", "https://hooks.example.com/cgi-bin/webhook/send?key=k", "vendor_host"],
    ["wecom", "https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k", "vendor_host"],
    ["wecom", "https://qyapi.weixin.qq.com@169.254.169.254/cgi-bin/webhook/send?key=k", "vendor_host"],
    ["dingtalk", "https://oapi.dingtalk.com:6379/robot/send?access_token=t", "vendor_host"],
    ["feishu", "https://open.feishu.cn.internal/open-apis/bot/v2/hook/x", "vendor_host"],
    ["slack", "http://hooks.slack.com/services/T/B/X", "insecure_url"],
    ["slack", "https://10.0.0.5/services/T/B/X", "vendor_host"],
  ];

  it.each(internalTargets)("%s → %s is a 400 (%s)", async (channel, target, code) => {
    const res = await putPrimary(channel, target);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
    expect(res.json.error.details).toEqual([
      { path: "primary.target", message: expect.stringMatching(/^refused: /), code },
    ]);
    // The refusal never quotes what was sent.
    expect(res.text).not.toContain(target);
    const host = new URL(target).host;
    if (/[.:]/.test(host)) expect(res.text).not.toContain(host);
  });

  it("nothing of it was stored", async () => {
    const roster = await api.store.getRoster(teams.a.teamId);
    expect(roster?.primary).toBeUndefined();
  });

  it("the vendors' own hosts are accepted", async () => {
    for (const [channel, target] of [
      ["wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa"],
      ["dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=98975521a1b2"],
      ["feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e"],
      ["feishu", "https://open.larksuite.com/open-apis/bot/v2/hook/5e3d587e-d78e"],
      ["slack", "https://hooks.slack.com/services/T000/B000/XXXXXXXX"],
      ["webhook", "https://hooks.team.example.com/yanlian"],
    ] as const) {
      expect((await putPrimary(channel, target)).status, `${channel} ${target}`).toBe(200);
    }
  });
});

describe("a public-looking name that resolves inside is refused at send time, before any connection", () => {
  const cases: Array<[name: string, addresses: string[]]> = [
    ["rebind-loopback.attacker.example", ["127.0.0.1"]],
    ["rebind-metadata.attacker.example", ["169.254.169.254"]],
    ["rebind-alibaba.attacker.example", ["100.100.100.200"]],
    ["rebind-private.attacker.example", ["192.168.0.10"]],
    ["rebind-ula.attacker.example", ["fd00::10"]],
    ["rebind-mapped.attacker.example", ["::ffff:127.0.0.1"]],
    // One public answer among internal ones is not enough.
    ["rebind-mixed.attacker.example", [PUBLIC, "10.0.0.1"]],
  ];

  it.each(cases)("%s → %j: the test page says refused, blocked_address", async (name, addresses) => {
    zone.set(name, addresses);
    // The write is accepted: without DNS the name is as good as any public name.
    expect((await putPrimary("webhook", `https://${name}:${internal.port}/hook`)).status).toBe(200);
    const before = internal.hits.length;
    lookups.length = 0;
    const { res, primary } = await testPage();
    expect(lookups).toEqual([name]);
    expect(primary).toMatchObject({ ok: false, outcome: "refused", code: "blocked_address", attempts: 0 });
    expect(primary.status).toBeUndefined();
    expect(internal.hits.length).toBe(before);
    for (const address of addresses) expect(res.text).not.toContain(address);
  });

  it("even in local mode, where literal loopback is allowed, a *name* for loopback is not", async () => {
    current = localMode;
    try {
      zone.set("localtest.attacker.example", ["127.0.0.1"]);
      const before = internal.hits.length;
      const result = await localMode.send(
        contact("webhook", `https://localtest.attacker.example:${internal.port}/admin`),
        page(),
      );
      expect(result).toMatchObject({ ok: false, outcome: "refused", code: "blocked_address", attempts: 0 });
      expect(internal.hits.length).toBe(before);
    } finally {
      current = production;
    }
  });

  it("a roster stored before these rules (a vendor channel aimed at the metadata service) is refused on send", async () => {
    const roster = await api.store.getRoster(teams.a.teamId);
    await api.store.putRoster({
      teamId: teams.a.teamId,
      primary: {
        userId: teams.a.responder.userId,
        name: "A 值班",
        channel: "wecom",
        target: `http://127.0.0.1:${internal.port}/cgi-bin/webhook/send?key=k`,
      },
      updatedAt: Date.now(),
      updatedBy: teams.a.manager.userId,
    });
    const before = internal.hits.length;
    const { primary } = await testPage();
    expect(primary).toMatchObject({ ok: false, outcome: "refused", code: "blocked_address", attempts: 0 });
    expect(internal.hits.length).toBe(before);
    if (roster) await api.store.putRoster(roster);
  });
});

describe("DNS rebinding: the connection goes to the address that was checked", () => {
  it("pins each attempt to its checked address and checks again before a retry", async () => {
    let calls = 0;
    zone.set("flip.attacker.example", () => (++calls === 1 ? [PUBLIC] : ["169.254.169.254"]));
    const seen: OutboundRequest[] = [];
    const sender = createChannelSender({
      lookup,
      retries: 2,
      backoffMs: () => 0,
      // Records where the transport is told to connect, and fails so the sender retries.
      transport: async (request) => {
        seen.push(request);
        return { status: 503, retryAfter: null, body: "" };
      },
    });
    const result = await sender.send(contact("webhook", "https://flip.attacker.example/hook"), page());
    expect(seen).toHaveLength(1);
    expect(seen[0]?.address).toEqual({ address: PUBLIC, family: 4 });
    expect(seen[0]?.url.hostname).toBe("flip.attacker.example");
    expect(result).toMatchObject({ ok: false, outcome: "refused", code: "blocked_address", attempts: 1 });
  });

  it("the default transport connects to the pinned address, never to what the name resolves to", async () => {
    // `.invalid` never resolves (RFC 2606): the request can only arrive through the pinned address.
    const before = outside.hits.length;
    const response = await pinnedTransport({
      url: new URL(`http://pinned.invalid:${outside.port}/pinned?key=1`),
      address: { address: "127.0.0.1", family: 4 },
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(204);
    expect(outside.hits.length).toBe(before + 1);
    expect(outside.hits.at(-1)).toMatchObject({ path: "/pinned?key=1" });
    expect(outside.hits.at(-1)?.headers.host).toBe(`pinned.invalid:${outside.port}`);
  });
});

/** A throwaway self-signed certificate for a name, when openssl is on the machine. */
function selfSigned(name: string): { key: Buffer; cert: Buffer } | null {
  const dir = mkdtempSync(join(tmpdir(), "yanlian-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        `/CN=${name}`,
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("https to a pinned address keeps the name for TLS", () => {
  const tlsPair = selfSigned("hooks.pinned.invalid");

  it.skipIf(!tlsPair)("sends the name as SNI and still checks the certificate", async () => {
    const pair = tlsPair as { key: Buffer; cert: Buffer };
    const names: string[] = [];
    const server = createTlsServer(
      {
        ...pair,
        SNICallback: (name, done) => {
          names.push(name);
          done(null, createSecureContext(pair));
        },
      },
      (_req, res) => res.writeHead(204).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const sent = pinnedTransport({
        url: new URL(`https://hooks.pinned.invalid:${port}/hook`),
        address: { address: "127.0.0.1", family: 4 },
        headers: {},
        body: "{}",
        signal: AbortSignal.timeout(2000),
      });
      // The name never resolves, so reaching the server at all is the pin; a self-signed certificate
      // is refused, so pinning did not switch verification off.
      await expect(sent).rejects.toMatchObject({
        code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
      });
      expect(names).toEqual(["hooks.pinned.invalid"]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("a receiver that redirects inward, or answers with a secret", () => {
  beforeAll(() => {
    current = localMode;
  });
  afterAll(() => {
    current = production;
  });

  it("a 302 to the metadata service and a 307 to an internal service are not followed", async () => {
    for (const path of ["/redirect-metadata", "/redirect-internal"]) {
      expect((await putPrimary("webhook", outside.url(`${path}?key=robot-key-0123456789`))).status).toBe(200);
      const before = { outside: outside.hits.length, internal: internal.hits.length };
      const { res, primary } = await testPage();
      expect(primary).toMatchObject({ ok: false, outcome: "failed", code: "redirect", attempts: 1 });
      expect(outside.hits.length).toBe(before.outside + 1);
      expect(internal.hits.length).toBe(before.internal);
      expect(res.text).not.toContain("169.254.169.254");
      expect(res.text).not.toContain("/admin");
    }
  });

  it("the test page never shows what the receiver answered, nor how a connection failed", async () => {
    for (const path of ["/echo-500", "/echo-400", "/echo-200"]) {
      expect((await putPrimary("webhook", outside.url(path))).status).toBe(200);
      const { res, primary } = await testPage();
      expect(["delivered", "failed"]).toContain(primary.outcome);
      expect(res.text).not.toContain(SECRET);
      expect(res.text.toLowerCase()).not.toContain(SECRET.toLowerCase().replace("-", "_"));
      expect(primary).not.toHaveProperty("error");
    }
    // Nobody listening: a code, not the network error's text.
    const closed = await receiver(() => ({ status: 200 }));
    await closed.close();
    expect((await putPrimary("webhook", `http://127.0.0.1:${closed.port}/hook`)).status).toBe(200);
    const { res, primary } = await testPage();
    expect(primary).toMatchObject({ ok: false, outcome: "failed", code: "network" });
    expect(res.text).not.toMatch(/ECONNREFUSED|connect|network error/i);
  });

  it("the page's error kept for the drill's timeline does not quote a generic webhook's answer either", async () => {
    const result = await localMode.send(contact("webhook", outside.url("/echo-500")), page());
    expect(result).toMatchObject({ ok: false, outcome: "failed", code: "http_status", status: 500 });
    expect(result.error).toBe("HTTP 500");
  });

  it("a delivery to an allowed receiver still says delivered, with its status", async () => {
    expect((await putPrimary("webhook", outside.url("/ok"))).status).toBe(200);
    const { primary } = await testPage();
    expect(primary).toMatchObject({ ok: true, outcome: "delivered", status: 204, attempts: 1 });
    expect(primary.code).toBeUndefined();
  });
});

describe("loopback is the operator's choice, made at start", () => {
  it("without it, the local stand-in is refused and receives nothing; with it, the page arrives", async () => {
    const target = outside.url("/local-stand-in");
    const before = outside.hits.length;
    expect(await production.send(contact("webhook", target), page())).toMatchObject({
      ok: false,
      outcome: "refused",
      code: "blocked_address",
    });
    expect(outside.hits.length).toBe(before);
    expect(await localMode.send(contact("webhook", target), page())).toMatchObject({
      ok: true,
      outcome: "delivered",
    });
    expect(outside.hits.length).toBe(before + 1);
  });

  it("the senders the Lambda and `npm start` build by default refuse loopback", () => {
    const byDefault = createChannelSender();
    for (const target of ["http://127.0.0.1:6379/", "http://localhost:8787/api", "https://[::1]/"]) {
      expect(byDefault.vet({ channel: "webhook", target })?.code).toBe("blocked_address");
    }
  });
});

function contact(channel: Contact["channel"], target: string): Contact {
  return { userId: "u-attacker", name: "攻击者", channel, target };
}

function page(): PageMessage {
  return {
    drillId: "test-page",
    teamId: "tm-ssrf",
    lang: "zh",
    title: `${DRILL_MARKER}测试呼叫`,
    text: "测试",
    ackUrl: "http://localhost:8787/teams/tm-ssrf",
    recipientName: "攻击者",
  };
}
