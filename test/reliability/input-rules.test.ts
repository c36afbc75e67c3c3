import { beforeAll, describe, expect, it } from "vitest";
import { passwordProblems } from "../../functions/core/passwords.js";
import type { Store } from "../../functions/core/ports.js";
import { TestClock } from "../support/api.js";
import {
  composeApi,
  expectErrorShape,
  inProcess,
  type Person,
  RELIABILITY_AUTH,
  seedTeam,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

/**
 * Issue 13, item 8: what people type. Weak passwords are refused wherever one is chosen; names that
 * render as nothing, or are not text at all, are refused with the field's path; a program without a
 * timezone works in its team's.
 */

const WEAK = [
  "aaaaaaaaaa",
  "          ",
  "1234567890",
  "0123456789ab",
  "qwertyuiop",
  "password123",
  "Password1!",
  "P@ssw0rd2024",
  "abcabcabcabc",
  "woaini1314520",
  "1q2w3e4r5t",
  "short",
];
const FINE = [
  "correct horse battery",
  "a long enough password",
  "青禾学堂运营组值班很辛苦",
  "my cat eats 3 lemons",
  "Tr0ub4dor&3-horse",
];

describe("password rules", () => {
  it("refuses the passwords a guesser tries first, and says why in both languages", () => {
    for (const password of WEAK) {
      const problems = passwordProblems(password);
      expect(problems.length, password).toBeGreaterThan(0);
      expect(problems[0]?.zh, password).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const password of FINE) expect(passwordProblems(password), password).toEqual([]);
    expect(passwordProblems("chen.xiao@example.com", ["chen.xiao@example.com"])).not.toEqual([]);
  });

  let store: Store;
  let send: ReturnType<typeof inProcess>;
  let teamId: string;
  let manager: Person;
  beforeAll(async () => {
    store = (await freshStore()).store;
    send = inProcess(composeApi(store, new TestClock()).app);
    const team = await seedTeam(store, RELIABILITY_AUTH, { name: "输入组", people: [{ role: "manager" }] });
    teamId = team.teamId;
    manager = team.people[0] as Person;
  }, 60_000);

  it("answers 400 naming the field, in both languages, when a reset link is used with a weak password, and keeps the link", async () => {
    const reset = await send("POST", `/api/teams/${teamId}/members/${manager.userId}/password-reset`, {
      cookie: manager.cookie,
    });
    expect(reset.status).toBe(201);
    const token = (reset.json.url as string).split("#")[1];
    for (const password of ["aaaaaaaaaa", "          ", "password123"]) {
      const res = await send("POST", "/api/auth/reset-password", { body: { token, password } });
      expect(res.status, password).toBe(400);
      expectErrorShape(res);
      expect(res.json.error.details[0]).toEqual(
        expect.objectContaining({ path: "password", message: expect.any(String), zh: expect.any(String) }),
      );
    }
    // The link survived the refusals.
    const ok = await send("POST", "/api/auth/reset-password", {
      body: { token, password: "finally a good password" },
    });
    expect(ok.status).toBe(200);
  });
});

describe("names", () => {
  let app: ReturnType<typeof composeApi>["app"];
  let send: ReturnType<typeof inProcess>;
  let store: Store;
  let teamId: string;
  let manager: Person;
  beforeAll(async () => {
    store = (await freshStore()).store;
    app = composeApi(store, new TestClock()).app;
    send = inProcess(app);
    const team = await seedTeam(store, RELIABILITY_AUTH, { name: "名字组", people: [{ role: "manager" }] });
    teamId = team.teamId;
    manager = team.people[0] as Person;
  }, 60_000);

  const rename = (body: string) =>
    send("PATCH", `/api/teams/${teamId}`, {
      cookie: manager.cookie,
      headers: { "content-type": "application/json" },
      body,
    });

  it("refuses names that are empty without control and zero-width characters, NUL, lone surrogates", async () => {
    const empty = [
      "",
      "   ",
      "\u200b\u200b",
      "\u0000",
      "\u202e\u200d\u2060",
      "\ufeff\u00ad",
      "\u3164",
      "\u0007\t\n",
    ];
    for (const name of empty) {
      const res = await rename(JSON.stringify({ name }));
      expect(res.status, JSON.stringify(name)).toBe(400);
      expectErrorShape(res);
      expect(res.json.error.details[0]).toEqual(
        expect.objectContaining({ path: "name", zh: expect.any(String) }),
      );
    }
    // A lone surrogate, escaped as JSON allows.
    const lone = await rename('{"name":"组\\ud800"}');
    expect(lone.status).toBe(400);
    expect(lone.json.error.details[0].path).toBe("name");
    expect((await store.getTeam(teamId))?.name).toBe("名字组");
  });

  it("refuses invalid UTF-8 with the field's path", async () => {
    const raw = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    // Raw bytes, as a broken client would send them: the helper would re-encode a string.
    const res = await app.request(`http://localhost:8787/api/teams/${teamId}`, {
      method: "PATCH",
      headers: { cookie: manager.cookie, "content-type": "application/json" },
      body: new Uint8Array(raw),
    });
    const json = (await res.json()) as { error: { details: Array<{ path: string }> } };
    expect(res.status).toBe(400);
    expect(json.error.details[0]?.path).toBe("name");
  });

  it("keeps a real name, without the controls hidden in it", async () => {
    const res = await rename(JSON.stringify({ name: "  青禾\u0000学堂\u202e运营组 " }));
    expect(res.status).toBe(200);
    expect(res.json.name).toBe("青禾学堂运营组");
    const emoji = await rename(JSON.stringify({ name: "值班👩‍💻组" }));
    expect(emoji.json.name).toBe("值班👩‍💻组");
  });

  it("gives a program its team's timezone when it names none", async () => {
    await send("PATCH", `/api/teams/${teamId}`, {
      cookie: manager.cookie,
      body: { timezone: "America/New_York" },
    });
    const res = await send("POST", `/api/teams/${teamId}/programs`, {
      cookie: manager.cookie,
      body: { windows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }] },
    });
    expect(res.status).toBe(201);
    expect(res.json.program.timezone).toBe("America/New_York");
    const own = await send("POST", `/api/teams/${teamId}/programs`, {
      cookie: manager.cookie,
      body: { timezone: "Europe/Madrid" },
    });
    expect(own.json.program.timezone).toBe("Europe/Madrid");
  });
});
