import { hashPassword, randomToken, sha256 } from "../api/auth.js";
import { type DrillService, monthIn } from "../core/drills.js";
import { generate } from "../core/generator.js";
import {
  type Drill,
  type Membership,
  responderEntries,
  type Store,
  type Team,
  type TimelineRecord,
} from "../core/ports.js";
import { Rng } from "../core/random.js";
import type { Scenario } from "../core/scenario.js";
import { score } from "../core/scoring.js";

const DAY = 86_400_000;
const DEMO_EMAIL = "demo.manager@example.com";
/**
 * The demo roster's webhook: a public-looking https URL under `.invalid` (RFC 6761), which never
 * resolves, so the roster passes today's rules (it can be saved again as it is) and a page "fails: dns"
 * without anything leaving the machine.
 */
const DEMO_HOOK = "https://demo-hook.example.invalid/yanlian";

interface DemoTeam {
  id: string;
  name: string;
  timezone: string;
  context: Team["context"];
  /** How good the team is: the chance a step gets done, and how fast relative to its target. */
  skill: number;
  people: Array<{ id: string; email: string; name: string; role: Membership["role"] }>;
}

const TEAMS: DemoTeam[] = [
  {
    id: "t-demo-qinghe",
    name: "青禾学堂·社群运营组",
    timezone: "Asia/Shanghai",
    context: { brand: { zh: "青禾学堂", en: "Qinghe Academy" }, staff: { zh: "林老师", en: "Ms. Lin" } },
    skill: 0.85,
    people: [
      { id: "u-demo-chen", email: "chen@demo.example.com", name: "陈晓（值班）", role: "responder" },
      { id: "u-demo-zhou", email: "zhou@demo.example.com", name: "周宁（值班）", role: "responder" },
      { id: "u-demo-gu", email: "gu@demo.example.com", name: "顾客户成功（只读）", role: "viewer" },
    ],
  },
  {
    id: "t-demo-shiwei",
    name: "拾味小厨·公众号托管组",
    timezone: "Asia/Shanghai",
    context: { brand: { zh: "拾味小厨", en: "Shiwei Kitchen" }, staff: { zh: "阿杰", en: "AJ" } },
    skill: 0.6,
    people: [
      { id: "u-demo-li", email: "li@demo.example.com", name: "李想（值班）", role: "responder" },
      { id: "u-demo-wu", email: "wu@demo.example.com", name: "吴桐（夜班编辑）", role: "responder" },
    ],
  },
];

/**
 * Seeds a demo organisation: two teams, their people, and three months of past drills scored
 * with the real scorer, so the scorecards have something to show. Deterministic apart from the
 * demo manager's password, which is new on every run and printed once.
 */
export async function seedDemo(deps: {
  store: Store;
  service: DrillService;
  catalog: readonly Scenario[];
  /** Where `npm start` serves, for the sign-in command the note prints. */
  publicUrl?: string;
}): Promise<string> {
  const { store } = deps;
  const base = deps.publicUrl ?? "http://localhost:8787";
  const now = Date.now();
  const password = randomToken();
  const passwordHash = await hashPassword(password);
  const existing = await store.getCredential(DEMO_EMAIL);
  const managerId = existing?.userId ?? "u-demo-manager";
  if (existing) {
    await store.setPasswordHash(DEMO_EMAIL, passwordHash);
  } else {
    const user = {
      id: managerId,
      email: DEMO_EMAIL,
      name: "演示主管",
      admin: true,
      lang: "zh" as const,
      createdAt: now,
    };
    const credential = { email: DEMO_EMAIL, userId: managerId, passwordHash };
    const setup = await store.getSetupTokenHash();
    if (setup?.used) {
      await store.createUser(user, credential);
    } else {
      // On an empty store the demo manager is the first admin: setup is done, so no setup link is
      // printed (or left open) for a demo. The token is never shown: it exists to be used right here.
      const tokenHash = sha256(randomToken());
      await store.putSetupTokenHash(tokenHash);
      await store.completeSetup(tokenHash, user, credential);
    }
  }
  const note = [
    `Demo: sign in at ${base} as ${DEMO_EMAIL} with password ${password} (new on every --demo start).`,
    'From the command line (README.md, "A first drill from the command line", from its second curl on):',
    `  curl -c jar -X POST ${base}/api/auth/login -H 'content-type: application/json' -d '{"email":"${DEMO_EMAIL}","password":"${password}"}'`,
  ].join("\n");
  // Each team once: a start that stopped half-way (or a team seeded before) is completed, not repeated.
  let created = 0;

  const rng = Rng.seeded(20261122);
  for (const team of TEAMS) {
    if (await store.getTeam(team.id)) continue;
    created++;
    await store.createTeam(
      {
        id: team.id,
        name: team.name,
        timezone: team.timezone,
        context: team.context,
        paused: false,
        createdAt: now - 120 * DAY,
        createdBy: managerId,
      },
      {
        teamId: team.id,
        userId: managerId,
        role: "manager",
        name: "演示主管",
        email: DEMO_EMAIL,
        addedAt: now - 120 * DAY,
      },
    );
    const people: DemoTeam["people"] = [];
    for (const person of team.people) {
      // An email someone already uses here (a person invited before this --demo start) stays theirs.
      if (await store.getCredential(person.email)) continue;
      people.push(person);
      // Demo people have no password: they exist to show up in rosters and figures.
      await store.createUser(
        {
          id: person.id,
          email: person.email,
          name: person.name,
          admin: false,
          lang: "zh",
          createdAt: now - 100 * DAY,
        },
        { email: person.email, userId: person.id, passwordHash: "" },
      );
      await store.putMembership({
        teamId: team.id,
        userId: person.id,
        role: person.role,
        name: person.name,
        email: person.email,
        addedAt: now - 100 * DAY,
      });
    }
    const responders = people.filter((p) => p.role === "responder");
    await store.putRoster({
      teamId: team.id,
      primary: {
        userId: responders[0]?.id ?? managerId,
        name: responders[0]?.name ?? "",
        channel: "webhook",
        target: DEMO_HOOK,
      },
      ...(responders[1]
        ? {
            backup: {
              userId: responders[1].id,
              name: responders[1].name,
              channel: "webhook" as const,
              target: `${DEMO_HOOK}-backup`,
            },
          }
        : {}),
      updatedAt: now - 90 * DAY,
      updatedBy: managerId,
    });

    for (let monthsAgo = 3; monthsAgo >= 0; monthsAgo--) {
      const drills = monthsAgo === 0 ? 1 : rng.int(1, 2);
      for (let n = 0; n < drills + 1; n++) {
        const practice = n === drills;
        const scenario = rng.pick(deps.catalog);
        const injectedAt = now - monthsAgo * 30 * DAY - rng.int(2, 25) * DAY - rng.int(0, 8 * 3600) * 1000;
        if (injectedAt > now - DAY) continue;
        // Teams get a little better every month they practise.
        const skill = Math.min(0.97, team.skill + (3 - monthsAgo) * 0.04);
        await seedDrill(store, { team, scenario, injectedAt, practice, skill, rng, responders, managerId });
      }
    }
  }
  if (created === 0) return note;
  const what = created === TEAMS.length ? "Two demo teams" : "The missing demo team";
  return `${note}\n${what}, with four months of drills and practice drills, ${created === 1 ? "was" : "were"} created.`;
}

async function seedDrill(
  store: Store,
  input: {
    team: DemoTeam;
    scenario: Scenario;
    injectedAt: number;
    practice: boolean;
    skill: number;
    rng: Rng;
    responders: DemoTeam["people"];
    managerId: string;
  },
) {
  const { team, scenario, injectedAt, rng } = input;
  const seed = rng.int(0, 2 ** 31);
  const incident = generate(scenario, seed, team.context);
  const id = `dr-demo-${team.id.slice(7)}-${injectedAt.toString(36)}`;
  const timeline: TimelineRecord[] = [];
  const cast: Array<{ id: string; name: string }> = input.responders.length
    ? input.responders
    : [{ id: input.managerId, name: "演示主管" }];
  const who = () => rng.pick(cast);
  const add = (seconds: number, action: TimelineRecord["action"], fields: Partial<TimelineRecord> = {}) => {
    const person = who();
    timeline.push({
      id: `tl-${timeline.length}`,
      drillId: id,
      at: injectedAt + Math.round(seconds * 1000),
      actor: person.id,
      actorName: person.name,
      action,
      ...fields,
    });
  };
  for (const step of incident.rubric.steps) {
    if (!rng.chance(step.required ? input.skill : input.skill / 2)) continue;
    const factor = 0.3 + rng.int(0, 100) / 100 / input.skill;
    add(step.targetSeconds * factor, step.action, {
      ...(step.target ? { targets: step.target.ids } : {}),
      text: step.containsAny?.[0] ?? "已处理",
    });
  }
  if (rng.chance(1 - input.skill)) {
    const harm = incident.rubric.harmful[0];
    if (harm?.target?.ids[0]) add(rng.int(60, 900), harm.action, { targets: [harm.target.ids[0]] });
  }
  timeline.sort((a, b) => a.at - b.at);
  const resolved = rng.chance(input.skill);
  const lastAt = timeline.at(-1)?.at ?? injectedAt + 600_000;
  const closedAt = resolved ? lastAt + rng.int(60, 600) * 1000 : injectedAt + scenario.timeout * 1000;
  if (resolved)
    timeline.push({
      id: "tl-resolve",
      drillId: id,
      at: closedAt,
      actor: who().id,
      actorName: who().name,
      action: "resolve",
      text: "处理完毕",
    });
  const card = score(incident.rubric, { injectedAt, entries: responderEntries(timeline) });
  const month = monthIn(injectedAt, team.timezone);
  const drill: Drill = {
    id,
    teamId: team.id,
    scenario,
    seed,
    context: team.context,
    practice: input.practice,
    status: resolved ? "resolved" : "timed_out",
    month,
    plannedAt: injectedAt - rng.int(0, 30) * 1000,
    injectedAt,
    ...(card.timeToAcknowledge !== null
      ? { acknowledgedAt: injectedAt + card.timeToAcknowledge * 1000 }
      : {}),
    ...(card.timeToDetect !== null
      ? { detectedAt: injectedAt + card.timeToDetect * 1000, detectedBy: card.detectedBy ?? undefined }
      : {}),
    ...(resolved ? { resolvedAt: closedAt, summary: "处理完毕" } : {}),
    closedAt,
    createdAt: injectedAt - 20 * DAY,
    createdBy: input.managerId,
  };
  await store.createDrill(drill);
  for (const entry of timeline) await store.appendTimeline(entry);
  await store.putScorecard({
    drillId: id,
    teamId: team.id,
    scenarioId: scenario.id,
    month,
    injectedAt,
    practice: input.practice,
    scoredAt: closedAt,
    scorecard: card,
  });
}
