import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import { DRILL_MARKER } from "../../functions/core/notifier.js";
import { type Api, startApi, twoTeams } from "../support/api.js";

/** A webhook receiver on this machine: /ok… accepts, /down answers 500. */
let receiver: Server;
let base = "";
const received: { path: string; body: string }[] = [];
let api: Api;
let teams: Awaited<ReturnType<typeof twoTeams>>;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(req.url?.startsWith("/ok") ? 200 : 500, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  api = await startApi({
    channels: createChannelSender({ retries: 1, backoffMs: () => 1, timeoutMs: 2000, allowLoopback: true }),
  });
  teams = await twoTeams(api);
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const responderId = () => teams.a.responder.userId;

describe("POST /teams/{teamId}/roster/test-page", () => {
  it("pages every contact on the roster with the drill marker and reports each delivery", async () => {
    const { a } = teams;
    const put = await api.call("PUT", `/api/teams/${a.teamId}/roster`, {
      session: a.manager,
      body: {
        primary: {
          userId: responderId(),
          channel: "webhook",
          target: `${base}/ok?key=robot-key-0123456789`,
          secret: "s3cret-value",
        },
        backup: { userId: a.manager.userId, channel: "webhook", target: `${base}/down` },
      },
    });
    expect(put.status).toBe(200);
    received.length = 0;

    const res = await api.call("POST", `/api/teams/${a.teamId}/roster/test-page`, { session: a.manager });
    expect(res.status).toBe(200);
    const bySlot = Object.fromEntries(
      (res.json.results as { slot: string }[]).map((r) => [r.slot, r]),
    ) as Record<string, Record<string, unknown>>;
    expect(bySlot.primary).toMatchObject({ ok: true, status: 200, attempts: 1, channel: "webhook" });
    expect(bySlot.backup).toMatchObject({ ok: false, status: 500, attempts: 2 });
    expect(String(bySlot.primary?.target)).not.toContain("robot-key");
    const delivered = received.filter((r) => r.path.startsWith("/ok"));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.body).toContain(DRILL_MARKER);
  });

  it("is for the team's managers only, and another team's id answers 404", async () => {
    const { a, b } = teams;
    const path = `/api/teams/${a.teamId}/roster/test-page`;
    expect((await api.call("POST", path, { session: a.responder })).status).toBe(403);
    expect((await api.call("POST", path, { session: a.viewer })).status).toBe(403);
    expect((await api.call("POST", path, { session: b.manager })).status).toBe(404);
    expect((await api.call("POST", path)).status).toBe(401);
  });

  it("answers an empty list for an empty roster", async () => {
    const { b } = teams;
    const res = await api.call("POST", `/api/teams/${b.teamId}/roster/test-page`, { session: b.manager });
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([]);
  });
});

describe("PUT /teams/{teamId}/roster without a webhook URL", () => {
  it("keeps the stored URL and secret for the same person and channel", async () => {
    const { a } = teams;
    const put = await api.call("PUT", `/api/teams/${a.teamId}/roster`, {
      session: a.manager,
      body: { primary: { userId: responderId(), channel: "webhook" } },
    });
    expect(put.status).toBe(200);
    expect(put.json.primary).toMatchObject({ userId: responderId(), hasSecret: true });
    expect(put.json.backup).toBeUndefined();
    received.length = 0;
    const res = await api.call("POST", `/api/teams/${a.teamId}/roster/test-page`, { session: a.manager });
    expect(res.json.results).toHaveLength(1);
    expect(res.json.results[0]).toMatchObject({ slot: "primary", ok: true });
    expect(received.map((r) => r.path)).toEqual(["/ok?key=robot-key-0123456789"]);
  });

  it("refuses a new person or channel without one, naming the field", async () => {
    const { a } = teams;
    const res = await api.call("PUT", `/api/teams/${a.teamId}/roster`, {
      session: a.manager,
      body: { primary: { userId: responderId(), channel: "slack" } },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error.details)).toContain("primary.target");
  });
});
