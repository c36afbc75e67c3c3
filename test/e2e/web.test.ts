import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { sha256 } from "../../functions/api/auth.js";
import { compose } from "../../functions/api/compose.js";
import { buildWeb, serveWeb } from "../../functions/local/web.js";
import { TestClock } from "../support/api.js";
import { builtInScenarios } from "../support/drills.js";
import { freshStore } from "../support/store.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/web.js";

/**
 * The web app end to end, in Debian's Chromium against the real API and DynamoDB Local, on a server
 * this file starts on 127.0.0.1. The server's clock stands still until the test moves it, so the raid
 * unfolds on cue instead of over ten real minutes.
 */

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const SETUP_TOKEN = "e2e-setup-token-0123456789";
const PASSWORD = "a long e2e password";
const MANAGER = { email: "lead@example.com", name: "王主管" };
const STEP_MS = 15_000;

let server: ReturnType<typeof serve>;
/** A webhook receiver standing in for the team's chat robot. */
let receiver: Server;
let hook = "";
const pages: string[] = [];
let origin = "";
let browser: Browser;
let dist = "";
const clock = new TestClock();
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "yanlian-web-"));
  await buildWeb(dist);
  await mkdir(ARTIFACTS, { recursive: true });
  const { store } = await freshStore();
  await store.putSetupTokenHash(sha256(SETUP_TOKEN));
  // The origin is only known once listening; the auth config reads it through this object.
  const auth = {
    sessionKey: "e2e-session-key-that-is-at-least-32-bytes",
    secureCookies: false,
    allowedOrigins: [] as string[],
    publicUrl: "",
    sessionHours: 12,
  };
  // The robot below listens on 127.0.0.1: allowed only because this runtime opts in, as `npm start
  // -- --allow-loopback-webhooks` does.
  const channels = createChannelSender({ allowLoopback: true });
  const { app } = compose({
    store,
    clock,
    entropy: cryptoEntropy,
    catalog: builtInScenarios(),
    auth,
    channels,
  });
  app.use("*", serveWeb(dist));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  auth.allowedOrigins.push(origin);
  auth.publicUrl = origin;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      pages.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/robot/send?key=e2e-robot-key`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function newPage(locale: "zh-CN" | "en-US"): Promise<Page> {
  // A fresh profile per context: playwright gives each context its own storage.
  const context = await browser.newContext({
    locale,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

interface Copy {
  lang: "zh" | "en";
  teamName: string;
  createTeam: RegExp;
  newProgram: RegExp;
  saveProgram: RegExp;
  programCreated: RegExp;
  runNow: RegExp;
  flag: RegExp;
  removeMember: RegExp;
  selectMode: RegExp;
  memberList: RegExp;
  postAnnouncement: RegExp;
  announcement: string;
  summary: RegExp;
  summaryText: string;
  removeLabel: string;
  includePractice: string;
  resolve: RegExp;
  report: RegExp;
  chart: RegExp;
  scorecards: RegExp;
}

const ZH: Copy = {
  lang: "zh",
  teamName: "青禾学堂运营组",
  createTeam: /^创建团队$/,
  newProgram: /^新建计划$/,
  saveProgram: /^保存计划$/,
  programCreated: /已创建|本月未安排/,
  runNow: /^立即演练$/,
  flag: /^标记为事件$/,
  removeMember: /^移出群成员/,
  selectMode: /^多选$/,
  memberList: /^群成员$/,
  postAnnouncement: /^发布群公告$/,
  announcement: "各位同学：本群官方老师只有林老师一位，官方不会私加好友，请勿添加陌生名片，遵守群规。",
  summary: /处置总结/,
  summaryText: "已踢出刷名片账号并发布澄清公告。",
  removeLabel: "移出群成员",
  includePractice: "包含练习演练",
  resolve: /^结束并评分$/,
  report: /复盘报告/,
  chart: /各步骤用时与目标/,
  scorecards: /^成绩单$/,
};

const EN: Copy = {
  lang: "en",
  teamName: "Qinghe Academy ops",
  createTeam: /^Create team$/,
  newProgram: /^New program$/,
  saveProgram: /^Save program$/,
  programCreated: /Created|Nothing planned/,
  runNow: /^Run now$/,
  flag: /^Flag as incident$/,
  removeMember: /^Remove member/,
  selectMode: /^Select$/,
  memberList: /^Group members$/,
  postAnnouncement: /^Post announcement$/,
  announcement:
    "Everyone: Ms. Lin is our only official teacher; staff never add you privately, ignore these cards and follow the group rules.",
  summary: /^Summary/,
  summaryText: "Removed the raiders and posted the clarification.",
  removeLabel: "Remove member",
  includePractice: "Include practice drills",
  resolve: /^Resolve and score$/,
  report: /Drill report/,
  chart: /Each step's time against its target/,
  scorecards: /^Scorecards$/,
};

/** The raiders post their own business cards; look-alikes forward the real teacher's. */
async function raiderCards(page: Page): Promise<string[]> {
  return page.$$eval('li[data-kind="card"]', (items) =>
    items
      .filter((li) => li.getAttribute("data-card-name") === li.getAttribute("data-author-name"))
      .map((li) => li.getAttribute("data-item") ?? ""),
  );
}

/** In multi-select mode: tick each item (the round tick chat apps show), nothing else. */
async function selectItems(page: Page, ids: string[]) {
  for (const id of ids) await page.locator(`button.tick[data-item="${id}"]`).click();
}

/** The member count the group's member list shows, e.g. "群成员 (23)". */
async function memberCount(page: Page): Promise<number> {
  const text = (await page.locator("#member-panel-title").textContent()) ?? "";
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
}

const nav = (copy: Copy, key: "overview" | "teams" | "programs" | "scenarios") =>
  ({
    zh: { overview: "总览", teams: "团队", programs: "演练计划", scenarios: "场景库" },
    en: { overview: "Overview", teams: "Teams", programs: "Programs", scenarios: "Scenarios" },
  })[copy.lang][key];

/** Creates a team from whichever page shows the create-team form; it becomes the current team. */
async function createTeam(page: Page, copy: Copy) {
  await page.getByLabel(copy.lang === "zh" ? "团队名称" : "Team name").fill(copy.teamName);
  await page.getByRole("button", { name: copy.createTeam }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(copy.teamName) }).waitFor();
}

/** The manager's path with the current team: a program, the raid run now and handled, the report, scorecards. */
async function runRaid(page: Page, copy: Copy): Promise<string> {
  const p = copy.lang;
  await page.getByRole("link", { name: nav(copy, "overview"), exact: true }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(copy.teamName) }).waitFor();
  await shot(page, `${p}-02-overview`);
  await page.getByRole("link", { name: nav(copy, "teams"), exact: true }).click();
  await page
    .getByRole("heading", { level: 2, name: copy.lang === "zh" ? "值班表" : "On-call roster" })
    .waitFor();
  // The real teacher's name, so the clarification can name her as the drill expects.
  const staff = copy.lang === "zh" ? "官方老师 / 客服" : "Official teacher / staff";
  await page.getByLabel(`${staff} · ${copy.lang === "zh" ? "中文" : "Chinese"}`).fill("林老师");
  await page.getByLabel(`${staff} · ${copy.lang === "zh" ? "英文" : "English"}`).fill("Ms. Lin");
  await page.getByRole("button", { name: copy.lang === "zh" ? "保存名字" : "Save names" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: copy.lang === "zh" ? "已保存" : "Saved" })
    .waitFor();
  if (copy.lang === "en") {
    // On call: the manager, through a custom webhook; the test page reports the delivery.
    const primary = page.getByRole("group", { name: "Primary" });
    await primary.getByLabel("Person").selectOption({ label: MANAGER.name });
    await primary.getByLabel("Channel").selectOption("webhook");
    await primary.getByLabel("Webhook URL").fill(hook);
    await page.getByRole("button", { name: "Save roster" }).click();
    await primary.getByText(/Leave empty to keep the saved URL/).waitFor();
    await page.getByRole("button", { name: "Send test page" }).click();
    await page.getByText(/✓ Delivered · HTTP 200/).waitFor();
    expect(pages.at(-1)).toContain("【演练 DRILL】");
    expect(await page.content()).not.toContain("e2e-robot-key");
  }
  await shot(page, `${p}-03-teams`);

  await page.getByRole("link", { name: nav(copy, "programs"), exact: true }).click();
  await page.getByRole("button", { name: copy.newProgram }).click();
  await page.locator("td.cal-day.on").first().waitFor();
  await shot(page, `${p}-04-program-form`);
  await page.getByRole("button", { name: copy.saveProgram }).click();
  await page.getByText(copy.programCreated).waitFor();
  if (copy.lang === "en") {
    // Editing sends the stored version back; the night drills opt-in is one of the rules it changes.
    await page.getByRole("button", { name: "Edit program" }).click();
    await page.getByRole("checkbox", { name: /Allow night drills/ }).check();
    await page.getByRole("button", { name: copy.saveProgram }).click();
    await page.getByText("Saved.", { exact: true }).waitFor();
  }
  await shot(page, `${p}-05-programs`);

  await page.getByRole("link", { name: nav(copy, "scenarios"), exact: true }).click();
  await page.locator('a[href="/scenarios/competitor-group-raid"]').waitFor();
  await shot(page, `${p}-06-scenarios`);
  await page.locator('a[href="/scenarios/competitor-group-raid"]').click();
  await page.getByRole("button", { name: copy.runNow }).waitFor();
  await shot(page, `${p}-07-scenario`);
  await page.getByRole("button", { name: copy.runNow }).click();
  await page.waitForURL(/\/teams\/[^/]+\/drills\/[^/]+$/);
  const drillUrl = page.url();

  // The war room opens on a neutral inbox: every surface the team works on, none chosen.
  await page.locator(".inbox-row").first().waitFor();
  expect(await page.locator(".surface").count()).toBe(0);
  expect(await page.locator(".inbox-row").count()).toBeGreaterThanOrEqual(3);

  // Twelve minutes of drill time: every raider has joined and posted a card.
  clock.advance(12 * 60_000);
  await expect
    .poll(() => page.locator('.inbox-row[data-surface="group_chat"] .count').count(), { timeout: 20_000 })
    .toBe(1);
  await shot(page, `${p}-08-war-room-inbox`);
  await page.locator('.inbox-row[data-surface="group_chat"]').click();
  await page.locator('li[data-kind="card"]').first().waitFor({ timeout: 20_000 });
  // The next poll brings the twelve minutes in.
  await expect
    .poll(async () => (await raiderCards(page)).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(5);
  // Chats carry date separators, by the team's local day.
  expect(await page.locator(".day-separator").count()).toBeGreaterThanOrEqual(1);
  const raiders = await raiderCards(page);
  expect(raiders.length).toBeGreaterThanOrEqual(5);
  // No checkbox beside any message: "操作 / Actions" under each instead.
  expect(await page.locator("li[data-item] input[type=checkbox]").count()).toBe(0);
  await shot(page, `${p}-08-war-room`);

  // One raider through the message's actions menu…
  const [first, ...rest] = raiders as [string, ...string[]];
  await page.locator(`li[data-item="${first}"] .menu-button`).click();
  await page.getByRole("menuitem", { name: copy.flag }).waitFor();
  await shot(page, `${p}-08-war-room-menu`);
  await page.getByRole("menuitem", { name: copy.flag }).click();
  await page.locator(`li[data-item="${first}"] .mark.flag`).waitFor();
  // …the others at once, in multi-select mode.
  const selectToggle = page.locator(".surface-head").getByRole("button", { name: copy.selectMode });
  await selectToggle.click();
  await selectItems(page, rest);
  await shot(page, `${p}-08-war-room-select`);
  const bar = page.locator(".selection-bar");
  await bar.getByRole("button", { name: copy.flag }).click();
  await expect
    .poll(() => page.locator("li[data-kind='card'] .mark.flag").count(), { timeout: STEP_MS })
    .toBeGreaterThanOrEqual(raiders.length);

  // The member list, with its live count; removing the raiders brings it down.
  await page.locator(".surface-head").getByRole("button", { name: copy.memberList }).click();
  await page.locator(".members li").first().waitFor();
  await expect.poll(() => memberCount(page), { timeout: STEP_MS }).toBeGreaterThan(raiders.length);
  const before = await memberCount(page);
  await selectToggle.click();
  await selectItems(page, raiders);
  await bar.getByRole("button", { name: copy.removeMember }).click();
  await expect
    .poll(() => page.locator("li[data-kind='card'] .mark:not(.flag)").count(), { timeout: STEP_MS })
    .toBeGreaterThanOrEqual(raiders.length);
  const authors = new Set(
    await page.$$eval('li[data-kind="card"]', (items) =>
      items
        .filter((li) => li.getAttribute("data-card-name") === li.getAttribute("data-author-name"))
        .map((li) => li.getAttribute("data-author") ?? ""),
    ),
  );
  await expect.poll(() => memberCount(page), { timeout: STEP_MS }).toBe(before - authors.size);
  // The chat says who was removed, at the moment they were.
  await expect
    .poll(() => page.locator('li[data-removal="true"]').count(), { timeout: STEP_MS })
    .toBe(authors.size);
  // A member can also be removed from the list itself (one who never posted a card, if any is left).
  const removable = page.locator(".members li:not(.is-removed) button.danger");
  if ((await removable.count()) > 0) {
    const name = (await removable.last().getAttribute("aria-label")) ?? "";
    expect(name).not.toBe("");
  }
  await shot(page, `${p}-08-war-room-members`);

  await page.locator(".surface-actions").getByRole("button", { name: copy.postAnnouncement }).click();
  const form = page.locator('form[data-action="post_announcement"]');
  await form.locator("textarea").fill(copy.announcement);
  await form.getByRole("button", { name: copy.postAnnouncement }).click();
  await form.waitFor({ state: "detached" });
  // The announcement shows up in the group, as the members would see it.
  await page.locator('li[data-own="post_announcement"]').getByText(copy.announcement).waitFor();
  await shot(page, `${p}-09-war-room-handled`);

  clock.advance(60_000);
  await page.getByLabel(copy.summary).fill(copy.summaryText);
  await page.getByRole("button", { name: copy.resolve }).click();
  await page.waitForURL(/\/report$/);
  await page.getByRole("heading", { level: 1, name: copy.report }).waitFor();
  await page.getByRole("heading", { name: copy.chart }).waitFor();
  await page.locator('canvas[data-ready="true"]').waitFor();
  expect(await page.getByTestId("grade").textContent()).toMatch(/^[ABCDF]$/);
  const removals = page.getByRole("cell", { name: copy.removeLabel, exact: true });
  expect(await removals.count()).toBeGreaterThanOrEqual(1);
  await shot(page, `${p}-10-report`);

  await page.getByRole("link", { name: copy.scorecards }).click();
  await page
    .getByRole("heading", { level: 1, name: new RegExp(`^${copy.scorecards.source.slice(1, -1)} · `) })
    .waitFor();
  await page.getByRole("checkbox", { name: copy.includePractice }).check();
  await page.locator('canvas[data-ready="true"]').first().waitFor();
  const csv = await page.getByRole("link", { name: /CSV/ }).first().getAttribute("href");
  expect(csv).toContain("format=csv");
  await shot(page, `${p}-11-scorecards`);
  return drillUrl;
}

async function signIn(page: Page) {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("邮箱").fill(MANAGER.email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${origin}/`);
}

describe("the web app in Chromium", () => {
  let firstDrill = "";

  it("sets up the first manager, runs the competitor raid, handles it and reads the report (English)", async () => {
    const started = Date.now();
    const page = await newPage("en-US");
    await page.goto(`${origin}/setup#token=${SETUP_TOKEN}`);
    await page.getByRole("heading", { name: "First-run setup" }).waitFor();
    await shot(page, "en-00-setup");
    await page.getByLabel("Name").fill(MANAGER.name);
    await page.getByLabel("Email").fill(MANAGER.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create the manager and sign in" }).click();
    await page.waitForURL(`${origin}/teams`);
    expect(page.url()).not.toContain(SETUP_TOKEN);
    await page.getByRole("button", { name: EN.createTeam }).waitFor();
    await shot(page, "en-01-no-team");
    await createTeam(page, EN);
    firstDrill = await runRaid(page, EN);
    console.log(`e2e English flow: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);

  it("does the same in Chinese, signing in (zh-CN first for a Chinese browser)", async () => {
    const started = Date.now();
    const page = await newPage("zh-CN");
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/signin`);
    await page.getByRole("heading", { name: "登录演练" }).waitFor();
    await shot(page, "zh-00-signin");
    await signIn(page);
    await page.getByRole("link", { name: "团队", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "创建团队" }).waitFor();
    await createTeam(page, ZH);
    await runRaid(page, ZH);
    console.log(`e2e Chinese flow: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);

  it("refuses a responder of another team the first team's war room and report", async () => {
    expect(firstDrill).not.toBe("");
    const manager = await newPage("zh-CN");
    await signIn(manager);
    await manager.getByRole("combobox", { name: "团队" }).selectOption({ label: ZH.teamName });
    await manager.getByRole("link", { name: "团队", exact: true }).click();
    await manager.getByRole("heading", { level: 1, name: new RegExp(ZH.teamName) }).waitFor();
    await manager.getByLabel("姓名").fill("李值班");
    await manager.getByLabel("邮箱").fill("li@example.com");
    await manager.getByRole("button", { name: "邀请成员" }).click();
    const invite = (await manager.getByTestId("invite-url").textContent()) ?? "";
    expect(invite).toContain("/invite#");

    const stranger = await newPage("zh-CN");
    await stranger.goto(invite);
    await stranger.getByLabel("密码").fill(PASSWORD);
    await stranger.getByRole("button", { name: "设置密码并登录" }).click();
    await stranger.waitForURL(`${origin}/`);
    await stranger.goto(firstDrill);
    await stranger.getByRole("heading", { name: "无权访问" }).waitFor();
    await shot(stranger, "zh-12-refused");
    await stranger.goto(`${firstDrill}/report`);
    await stranger.getByRole("heading", { name: "无权访问" }).waitFor();
    expect(await stranger.locator("canvas").count()).toBe(0);

    // The kill switch asks first, then pauses the team; resuming lifts it.
    await manager.getByRole("link", { name: "总览", exact: true }).click();
    await manager.getByLabel("熔断原因").fill("真实事故处理中");
    await manager.getByRole("button", { name: "一键熔断" }).click();
    const dialog = manager.getByRole("dialog", { name: "确认一键熔断？" });
    await dialog.waitFor();
    await shot(manager, "zh-13-kill-switch");
    await dialog.getByRole("button", { name: "中止全部演练并暂停" }).click();
    await manager.getByText(/^已熔断，中止了 \d+ 场演练。$/).waitFor();
    await manager.getByText("团队已暂停：不会注入任何演练。").first().waitFor();
    await manager.getByRole("button", { name: "恢复演练" }).click();
    await manager.getByRole("button", { name: "一键熔断" }).waitFor();
  }, 120_000);
});
