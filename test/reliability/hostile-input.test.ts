import { request } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../functions/core/ports.js";
import { catalogSources } from "../support/drills.js";
import {
  composeApi,
  expectErrorShape,
  type HttpResult,
  httpClient,
  inProcess,
  listen,
  type Person,
  RELIABILITY_AUTH,
  seedTeam,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

interface Operation {
  method: string;
  /** As the OpenAPI document writes it, under /api: `/teams/{teamId}/drills/{drillId}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[] | null;
}

/**
 * Every route the app documents, read from its own OpenAPI document: a route added tomorrow is
 * fuzzed tomorrow without anyone touching this file. Reading the document needs no database.
 */
async function documentedOperations(): Promise<Operation[]> {
  const doc = (await (await composeApi({} as Store).app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
        queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        bodyFields: op.requestBody ? Object.keys(schema?.properties ?? {}) : null,
      };
    }),
  );
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const operations = await documentedOperations();

/** Strings that have broken parsers, routers and key builders somewhere before. */
const NASTY = [
  "",
  " ",
  "..",
  "../../etc/passwd",
  "%",
  "%zz",
  "%00",
  "\u0000",
  "__proto__",
  "constructor",
  "toString",
  "DRILL#x",
  "TEAM#a#MEMBER#b",
  "#",
  "?",
  "a/b",
  "ｄｒ－全角",
  "😀".repeat(40),
  "\uD800",
  "x".repeat(5_000),
  "-1",
  "1e309",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "' OR '1'='1",
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
);

/** Any JSON value, leaning towards what a schema almost accepts: the right keys with the wrong values. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function bodyFor(op: Operation, values: Record<string, unknown[]>): fc.Arbitrary<string | undefined> {
  const fields = op.bodyFields ?? [];
  const nearlyValid = fc
    .record(
      Object.fromEntries(
        fields.map((f) => [f, fc.oneof(jsonValue, fc.constantFrom(...(values[f] ?? ["x"])))]),
      ) as Record<string, fc.Arbitrary<unknown>>,
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o));
  return fc.oneof(
    { weight: 4, arbitrary: nearlyValid },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        "",
        "{",
        "null",
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
        `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
        `{"a":${"1".repeat(5_000)}}`,
        '{"a":"\\ud800"}',
      ),
    },
  );
}

function queryFor(op: Operation): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...op.queryParams, "cursor", "limit"), fc.string({ maxLength: 12 }));
  return fc
    .array(fc.tuple(name, text), { maxLength: 4 })
    .map((pairs) => (pairs.length === 0 ? "" : `?${new URLSearchParams(pairs).toString()}`));
}

/** Path segments: mostly real ids (so requests get past the router into the handlers), often junk. */
function segmentFor(name: string, ids: Record<string, string[]>): fc.Arbitrary<string> {
  const real = ids[name] ?? [];
  return fc.oneof(
    { weight: real.length > 0 ? 3 : 0, arbitrary: fc.constantFrom(...(real.length ? real : ["x"])) },
    // Lone surrogates cannot be percent-encoded; a client would have sent U+FFFD instead.
    { weight: 2, arbitrary: text.map((s) => encodeURIComponent(Buffer.from(s, "utf8").toString("utf8"))) },
    // Unencoded, as a careless client or an attacker would send it.
    {
      weight: 1,
      arbitrary: fc.constantFrom(...NASTY.filter((s) => !/[/?#]/.test(s) && !s.includes("\u0000"))),
    },
  );
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
];

describe("hostile input against every documented route", () => {
  let send: ReturnType<typeof inProcess>;
  let ids: Record<string, string[]>;
  /** Values that pass a field's schema, so generated bodies often get as far as the domain. */
  let valid: Record<string, unknown[]>;
  let manager: Person;
  let responder: Person;

  beforeAll(async () => {
    const { store } = await freshStore();
    const api = composeApi(store);
    send = inProcess(api.app);
    const team = await seedTeam(store, RELIABILITY_AUTH, {
      name: "模糊组",
      people: [{ role: "manager" }, { role: "responder" }, { role: "viewer" }],
    });
    [manager, responder] = team.people as [Person, Person];
    const spare = team.people[2] as Person;
    const run = await send("POST", `/api/teams/${team.teamId}/drills/run-now`, {
      cookie: manager.cookie,
      body: { scenarioId: "competitor-group-raid" },
    });
    const program = await send("POST", `/api/teams/${team.teamId}/programs`, {
      cookie: manager.cookie,
      body: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" }] },
    });
    const stored = await store.getDrill(run.json.id);
    const items = stored
      ? api.service
          .incidentOf(stored)
          .items.filter((i) => i.at <= 0)
          .map((i) => i.id)
      : [];
    ids = {
      teamId: [team.teamId],
      drillId: [run.json.id],
      programId: [program.json.program?.id ?? "pg-none"],
      // Never the fuzzing manager: removing them would turn every later request into a 404.
      userId: [spare.userId, responder.userId],
      scenarioId: ["competitor-group-raid", "our-own"],
    };
    valid = {
      itemIds: [items.slice(0, 2)],
      targets: [items.slice(0, 1)],
      action: ["escalate", "remove_member", "delete_post"],
      scenarioId: ["push-503"],
      requestId: ["fuzz-request-0001"],
      summary: ["结束"],
      reason: ["测试"],
      role: ["viewer", "responder"],
      email: ["fuzz@example.com"],
      version: [0, 1],
      expectedVersion: [0, 1],
      plannedAt: [new Date(Date.now() + 86_400_000).toISOString()],
    };
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}: never a 5xx, every refusal in the error shape`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            segments: fc.tuple(...op.pathParams.map((p) => segmentFor(p, ids)), fc.constant("")),
            query: queryFor(op),
            body: op.bodyFields === null ? fc.constant(undefined) : bodyFor(op, valid),
            contentType: fc.constantFrom(...CONTENT_TYPES),
            who: fc.constantFrom("manager", "manager", "responder", "anonymous"),
          }),
          async ({ segments, query, body, contentType, who }) => {
            let i = 0;
            const path = `/api${op.path.replace(/\{\w+\}/g, () => segments[i++] ?? "")}${query}`;
            const cookie =
              who === "manager" ? manager.cookie : who === "responder" ? responder.cookie : undefined;
            const res = await send(op.method, path, {
              ...(cookie ? { cookie } : {}),
              ...(body !== undefined ? { body, headers: { "content-type": contentType } } : {}),
            });
            const label = `${op.method} ${path.slice(0, 200)} as ${who} with ${String(body).slice(0, 120)}`;
            expect(res.status, `${label} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
            if (res.status >= 400) expectErrorShape(res, label);
            if (op.path === "/ack/{token}" && op.method === "GET") {
              // The confirm page echoes the token into a form: it must not be able to break out of it.
              expect(res.text).not.toMatch(/<script>alert/);
            }
          },
        ),
        { numRuns: 15, endOnFailure: true },
      );
    }, 60_000);
  }
});

describe("bodies that are too large", () => {
  let url: string;
  let close: () => Promise<void>;
  let http: ReturnType<typeof httpClient>;
  let teamId: string;
  let manager: Person;

  beforeAll(async () => {
    const { store } = await freshStore();
    const server = await listen(composeApi(store).app);
    url = server.url;
    close = server.close;
    http = httpClient(url, { sockets: 4 });
    const team = await seedTeam(store, RELIABILITY_AUTH, { name: "大包组", people: [{ role: "manager" }] });
    teamId = team.teamId;
    manager = team.people[0] as Person;
  });
  afterAll(async () => {
    http.close();
    await close();
  });

  const writes = operations.filter((op) => op.bodyFields !== null);

  it("refuses a body over 64 KB on every route that takes one, over 300 KB on custom scenarios, with 413", async () => {
    expect(writes.length).toBeGreaterThan(10);
    for (const op of writes) {
      const custom = op.path.includes("/scenarios/");
      const limit = custom ? 300 * 1024 : 64 * 1024;
      const path = `/api${op.path.replace("{teamId}", teamId).replace(/\{\w+\}/g, "x-1")}`;
      const body = JSON.stringify({ padding: "x".repeat(limit) });
      // A connection of its own: after refusing a body it did not read, the server may close the socket
      // under a client that reuses it (@hono/node-server drains only so much), which is not what is tested here.
      const once = httpClient(url, { sockets: 1 });
      const res = await once.send(op.method, path, { cookie: manager.cookie, body });
      once.close();
      expect(res.status, `${op.method} ${op.path}`).toBe(413);
      expectErrorShape(res, op.path);
      expect(res.json.error.code).toBe("payload_too_large");
    }
  });

  it("refuses an oversized body sent in chunks without a length, and a length that lies", async () => {
    const chunked = await postChunked(
      `${url}/api/teams/${teamId}/drills/run-now`,
      manager.cookie,
      Array(80).fill("x".repeat(1024)),
    );
    expect(chunked.status).toBe(413);
    expectErrorShape(chunked);
  });

  it("refuses with a 400 a valid custom scenario too large to store, instead of failing the write with a 500", async () => {
    // Every character here is in the source and again in the parsed scenario stored next to it.
    const base = catalogSources().find((s) => s.file.endsWith("push-503.yaml"))?.source ?? "";
    const options = Array.from(
      { length: 120 },
      (_, i) => `      - zh: 选项${i}${"长".repeat(500)}\n        en: option ${i} ${"long ".repeat(100)}`,
    ).join("\n");
    const source = base
      .replace("id: push-503", "id: full-texts")
      .replace("  apiCalls:", `  filler:\n    kind: pick\n    options:\n${options}\n  apiCalls:`);
    expect(Buffer.byteLength(source)).toBeGreaterThan(200 * 1024);
    expect(Buffer.byteLength(source)).toBeLessThan(256 * 1024);
    const res = await http.send("PUT", `/api/teams/${teamId}/scenarios/full-texts`, {
      cookie: manager.cookie,
      body: { source, expectedVersion: 0 },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expectErrorShape(res);
    expect(res.json.error.details[0].path).toBe("source");

    // Small on the wire, huge once read: one list of options, repeated through aliases.
    const list = Array.from(
      { length: 150 },
      (_, i) => `      - zh: 选项${i}${"长".repeat(300)}\n        en: option ${i}`,
    ).join("\n");
    const repeats = Array.from(
      { length: 19 },
      (_, i) => `  more${i}:\n    kind: pick\n    options: *list`,
    ).join("\n");
    const aliased = base
      .replace("id: push-503", "id: aliased")
      .replace(
        "  apiCalls:",
        `  filler:\n    kind: pick\n    options: &list\n${list}\n${repeats}\n  apiCalls:`,
      );
    expect(Buffer.byteLength(aliased)).toBeLessThan(200 * 1024);
    const expanded = await http.send("PUT", `/api/teams/${teamId}/scenarios/aliased`, {
      cookie: manager.cookie,
      body: { source: aliased, expectedVersion: 0 },
    });
    expect(expanded.status, expanded.text.slice(0, 300)).toBe(400);
    expectErrorShape(expanded);
  });

  it("still takes a custom scenario just under the limit, and refuses one just over", async () => {
    const base = catalogSources().find((s) => s.file.endsWith("push-503.yaml"))?.source ?? "";
    const source = base.replace("id: push-503", "id: big-comment");
    const padded = `${source}\n# ${"注".repeat(Math.floor((250 * 1024 - source.length) / 3))}\n`;
    const ok = await http.send("PUT", `/api/teams/${teamId}/scenarios/big-comment`, {
      cookie: manager.cookie,
      body: { source: padded, expectedVersion: 0 },
    });
    expect(ok.status, ok.text.slice(0, 300)).toBeLessThan(500);
    expect([200, 400]).toContain(ok.status);
    const over = await http.send("PUT", `/api/teams/${teamId}/scenarios/big-comment`, {
      cookie: manager.cookie,
      body: { source: `${padded}# ${"x".repeat(60 * 1024)}`, expectedVersion: 1 },
    });
    expect(over.status).toBe(413);
  });
});

/** An oversized POST in chunks, from plain node:http so nothing adds a Content-Length the server could check first. */
function postChunked(target: string, cookie: string, chunks: string[]): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" },
        timeout: 15_000,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => {
          const text = Buffer.concat(parts).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers });
        });
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      // The server may answer 413 and close before the client has finished writing.
      if (err.code !== "EPIPE" && err.code !== "ECONNRESET") reject(err);
    });
    req.on("timeout", () => req.destroy(new Error("no answer within 15 s")));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("custom scenario YAML built to hurt", () => {
  let send: ReturnType<typeof inProcess>;
  let teamId: string;
  let manager: Person;

  beforeAll(async () => {
    const { store } = await freshStore();
    send = inProcess(composeApi(store).app);
    const team = await seedTeam(store, RELIABILITY_AUTH, { name: "恶意组", people: [{ role: "manager" }] });
    teamId = team.teamId;
    manager = team.people[0] as Person;
  });

  const base = () =>
    (catalogSources().find((s) => s.file.endsWith("push-503.yaml"))?.source ?? "").replace(
      "id: push-503",
      "id: hostile",
    );
  const cases: Array<[string, () => string]> = [
    [
      "nested ten thousand flow sequences deep",
      () => `id: hostile\nx: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    ],
    [
      "nested two thousand block mappings deep",
      () => `id: hostile\n${Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} 1\n`,
    ],
    [
      "an alias bomb",
      () =>
        `id: hostile\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(",")}]`,
        ).join("\n")}\n`,
    ],
    [
      "a 250 KB title",
      () =>
        base().replace(/title:\n(\s+)zh: .*/, (_m, indent) => `title:\n${indent}zh: ${"长".repeat(80_000)}`),
    ],
    ["a 250 KB single line of garbage", () => "x".repeat(250 * 1024)],
    [
      "binary noise",
      () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString("latin1"),
    ],
    ["a JavaScript tag", () => `${base()}\nextra: !!js/function "function () { return process.exit(1) }"\n`],
    ["duplicate keys", () => `${base()}\nid: hostile\n`],
    ["a document stream", () => `${base()}\n---\n${base()}`],
    [
      "two thousand keys",
      () => `${base()}\n${Array.from({ length: 2_000 }, (_, i) => `k${i}: ${i}`).join("\n")}\n`,
    ],
  ];

  for (const [name, make] of cases) {
    it(`refuses ${name} with a 4xx in the error shape, quickly`, async () => {
      const started = Date.now();
      const res = await send("PUT", `/api/teams/${teamId}/scenarios/hostile`, {
        cookie: manager.cookie,
        body: { source: make(), expectedVersion: 0 },
      });
      expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
      expectErrorShape(res, name);
      // Generous for a busy two-core machine; what it catches is parsing that grows without bound.
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  }
});
