import { corpora as defaultCorpora } from "./corpora/data.js";
import type { Corpora, NoiseLine } from "./corpora/types.js";
import {
  type ArticleMeta,
  type FeedItem,
  type GenerateContext,
  type Incident,
  PASS_MARK,
  type ParamValue,
  type Person,
  type Rubric,
  type RubricTarget,
} from "./incident.js";
import { memoize } from "./memo.js";
import { articlesEvent, writeArticle } from "./noise/articles.js";
import { clientDmEvent } from "./noise/client-dm.js";
import { activityAt, clockOf, PEAK_ACTIVITY } from "./noise/clock.js";
import { expandPair } from "./noise/grammar.js";
import { groupChatEvent } from "./noise/group-chat.js";
import { memberNickname, raiderPersona, staffTitle } from "./noise/names.js";
import { BUSINESSES, type Business, type NoiseDraft, type Scene, type SurfaceEvent } from "./noise/types.js";
import { hash32, Rng } from "./random.js";
import { ARTICLE_TITLE, placeholders, type Scenario, type Stimulus } from "./scenario.js";
import { normalizeForMatch } from "./text.js";
import { type AuthorRole, type Lang, type Localized, SANDBOX_SURFACES, type Surface } from "./vocabulary.js";

type Vars = Record<string, ParamValue>;

function valueIn(value: ParamValue, lang: Lang): string {
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return value.map((v) => v[lang]).join(lang === "zh" ? "、" : ", ");
  return value[lang];
}

/**
 * A template split once into its literal text (even indexes) and placeholder names (odd indexes).
 * An incident fills thousands of texts from a few hundred fixed templates, and a regex replace on
 * every fill was most of the generator's time.
 */
type Compiled = readonly string[];

// Capturing split keeps the names: literal, name, literal, …, literal.
const compile = memoize(20_000, (text): Compiled => text.split(/\{([A-Za-z][A-Za-z0-9]*)\}/));

/**
 * Replaces each `{name}` with its value; unknown names stay as written. `over` holds values that
 * shadow `vars` for one fill, so a noise line's own numbers need no copy of the incident's variables.
 */
export function fill(text: string, vars: Vars, lang: Lang, over?: Vars): string {
  const parts = compile(text);
  if (parts.length === 1) return text;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = over !== undefined && Object.hasOwn(over, name) ? over[name] : vars[name];
    out += value === undefined ? `{${name}}` : valueIn(value, lang);
    out += parts[i + 1] as string;
  }
  return out;
}

function fillLocalized(text: Localized, vars: Vars, over?: Vars): Localized {
  return { zh: fill(text.zh, vars, "zh", over), en: fill(text.en, vars, "en", over) };
}

const FULLWIDTH_OFFSET = 0xfee0;
/** What people put between characters to dodge a filter: a space, a middle dot, a full stop. */
const SEPARATORS = [" ", " ", "·", "."];
/** Emoji that posters drop into the middle of a word (秒🔥杀). */
const SPLITTING_EMOJI = ["🔥", "✨", "👍", "⭐", "💯", "❤️", "🉐", "👉"];
/** Latin look-alikes: a zero for an O, Cyrillic letters that render as Latin. */
const LATIN_LOOKALIKE: Record<string, string> = { O: "0", o: "о", a: "а", e: "е", c: "с", p: "р", I: "l" };

function toFullwidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + FULLWIDTH_OFFSET));
}

/** Breaks a word at a random inner point: between characters in Chinese, between words in English. */
function breakAt(text: string, rng: Rng, glue: string): string {
  const words = text.split(" ");
  if (words.length > 1) {
    const at = rng.int(1, words.length - 1);
    return `${words.slice(0, at).join(" ")}${glue}${words.slice(at).join(" ")}`;
  }
  const chars = [...text];
  if (chars.length < 2) return text;
  const at = rng.int(1, chars.length - 1);
  return `${chars.slice(0, at).join("")}${glue}${chars.slice(at).join("")}`;
}

function spaced(text: string, sep: string, lang: Lang): string {
  // Chinese spaces every character (秒 杀 全 网); English spaces the letters of its longest word.
  if (lang === "zh") return [...text.replace(/\s+/g, "")].join(sep);
  const words = text.split(" ");
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
  return words.map((w) => (w === longest ? [...w].join(sep === "." ? "." : " ") : w)).join(" ");
}

function latinLookalike(text: string): string | undefined {
  for (const [from, to] of Object.entries(LATIN_LOOKALIKE)) {
    const i = text.indexOf(from);
    if (i >= 0) return `${text.slice(0, i)}${to}${text.slice(i + 1)}`;
  }
  return undefined;
}

type Disguisable = Localized & {
  homophone?: Partial<Localized>;
  lookalike?: Partial<Localized>;
  pinyin?: Partial<Localized>;
};

/**
 * The picked word rewritten the way posters dodge keyword filters. A method that cannot change
 * this word (no Latin letters to widen, no homophone written down) falls back to spacing it out.
 */
function disguise(word: Disguisable, method: string, rng: Rng): Localized & { method: string } {
  const sep = rng.pick(SEPARATORS);
  const emoji = rng.pick(SPLITTING_EMOJI);
  const one = (lang: Lang): string => {
    const plain = word[lang];
    switch (method) {
      case "plain":
        return plain;
      case "fullwidth":
        if (/[!-~]/.test(plain)) return toFullwidth(plain);
        break;
      case "homophone":
        if (word.homophone?.[lang]) return word.homophone[lang] as string;
        break;
      case "lookalike": {
        const written = word.lookalike?.[lang] ?? (lang === "en" ? latinLookalike(plain) : undefined);
        if (written) return written;
        break;
      }
      case "pinyin":
        if (word.pinyin?.[lang]) return word.pinyin[lang] as string;
        break;
      case "emoji":
        return breakAt(plain, rng, emoji);
      case "split":
        // The word runs over a line break, the way a long post wraps it by hand.
        return breakAt(plain, rng, "\n");
    }
    return spaced(plain, sep, lang);
  };
  return { zh: one("zh"), en: one("en"), method };
}

/** One of an option's `use` sentences with `it` in its place; without sentences, `it` alone. */
function lineOf(option: { use?: readonly Localized[] }, it: Localized, vars: Vars, rng: Rng): Localized {
  if (!option.use) return it;
  return fillLocalized(expandPair(rng.pick(option.use), rng), vars, { it });
}

/** How many everyday items a keyword step keeps to check that a keyword does not block them too. */
const KEYWORD_NOISE_SAMPLE = 100;

/** Seconds between a person's join and their first post, at the least. */
const JOIN_TO_POST = 8;

/** The text of an article stimulus that has only a body: its preview is written from the body. */
const NO_TEXT: Localized = { zh: "", en: "" };

/** A drill without a start on record (a catalog preview) is set on a weekday morning in Shanghai. */
const DEFAULT_START = Date.UTC(2026, 10, 4, 2, 0, 0);
const DEFAULT_TIMEZONE = "Asia/Shanghai";

/** A night scenario's preview starts in its own night, at the first minute it may land. */
function defaultStart(scenario: Scenario): number {
  const between = scenario.timing.window === "night" ? scenario.timing.between : undefined;
  if (!between) return DEFAULT_START;
  const [h, m] = between.start.split(":").map(Number);
  // DEFAULT_START is 10:00 in Shanghai; the night of that date begins at local midnight.
  return DEFAULT_START - 10 * 3_600_000 + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
}

interface NoiseSpec {
  history: number;
  until: number;
  every: number;
  alongside?: { min: number; max: number };
}

/**
 * The everyday pace of each surface when the scenario says nothing of it: a group chats every
 * minute or so, an account pushes about once a day, a client writes a few times a day.
 */
const DEFAULT_NOISE: Partial<Record<Surface, NoiseSpec>> = {
  group_chat: { history: 30 * 60, until: 60 * 60, every: 70 },
  articles: { history: 5 * 86_400, until: 2 * 3_600, every: 20 * 3_600 },
  comments: { history: 8 * 3_600, until: 2 * 3_600, every: 12 * 60 },
  client_dm: { history: 3 * 86_400, until: 2 * 3_600, every: 3 * 3_600 },
  account_console: { history: 2 * 86_400, until: 2 * 3_600, every: 4 * 3_600 },
};

/** Surfaces people write on, whose pace follows the time of day. */
const PACED: ReadonlySet<Surface> = new Set(["group_chat", "comments", "client_dm"]);

/** An article's 阅读 count grows with its age (seconds before the injection); a fresh push starts low. */
function articleMeta(at: number, rng: Rng): ArticleMeta {
  const hours = Math.max(0, -at / 3_600);
  const audience = rng.int(300, 6_000);
  const share = Math.min(1, 0.08 + hours / 48);
  return { reads: Math.round(audience * share * (0.6 + rng.int(0, 80) / 100)), status: "sent" };
}

/** A generated draft as a feed item of its surface (id and time are set once the feed is sorted). */
function draftItem(surface: Surface, d: NoiseDraft): FeedItem {
  const item: FeedItem = { id: "", at: 0, surface, kind: d.kind, text: d.text, origin: { noise: surface } };
  if (d.authorId !== undefined) item.authorId = d.authorId;
  if (d.title) item.title = d.title;
  if (d.paragraphs) item.paragraphs = d.paragraphs;
  if (d.card) item.card = d.card;
  if (d.article) item.article = d.article;
  if (item.kind === "article" && item.paragraphs?.[0]) item.text = digestOf(item.paragraphs);
  return item;
}

/** Each surface's event: one line, one exchange, one push, one wave of newcomers. */
function surfaceEvents(corpora: Corpora, vars: Vars): Partial<Record<Surface, SurfaceEvent>> {
  const legacy =
    (surface: Surface): SurfaceEvent =>
    (scene, rng, at) => {
      const item = noiseItem(
        surface,
        rng,
        corpora,
        vars,
        scene.members as Person[],
        scene.staff as Person[],
        scene.client,
        scene.newMember,
      );
      return item ? [{ ...item, at }] : [];
    };
  return {
    group_chat: groupChatEvent,
    articles: articlesEvent,
    comments: legacy("comments"),
    client_dm: clientDmEvent,
    account_console: legacy("account_console"),
  };
}

/** The corpus brands' trades, so a drawn brand talks about its own business. */
const BRAND_BUSINESS: Record<string, Business> = {
  青禾学堂: "education",
  拾味小厨: "cooking",
  柔光肌研: "beauty",
  轻燃健身: "fitness",
  小树苗育儿: "parenting",
  山间茶舍: "tea",
  墨香书法: "calligraphy",
  悦读绘本馆: "reading",
  知行英语: "language",
  暖居收纳: "home",
  悠然瑜伽: "yoga",
  果园小铺: "produce",
  半亩花田: "flowers",
};

/**
 * Corpus names that belong to some trades only: a 教练 works in a fitness or yoga team, a 家长群
 * exists where parents are the customers. Everything else fits every trade.
 */
const TRADE_BOUND: readonly [RegExp, readonly Business[]][] = [
  [/教练/, ["fitness", "yoga"]],
  [/营养/, ["fitness", "yoga", "cooking", "parenting", "produce"]],
  [/家长/, ["education", "parenting", "reading", "language", "calligraphy"]],
  [/宝妈/, ["parenting", "produce", "cooking", "home", "flowers", "beauty", "reading"]],
  [/读书会/, ["reading", "education", "language", "calligraphy", "parenting", "tea"]],
];

/** The names of a list that fit the team's trade (all of them, if none would). */
export function fitting<T extends Localized>(names: readonly T[], business: Business): readonly T[] {
  const fit = names.filter((n) =>
    TRADE_BOUND.every(([mark, trades]) => !mark.test(n.zh) || trades.includes(business)),
  );
  return fit.length > 0 ? fit : names;
}

function businessOf(brand: Localized, rng: Rng): Business {
  return BRAND_BUSINESS[brand.zh] ?? rng.pick(BUSINESSES);
}

class PeoplePool {
  private readonly used = new Set<string>();
  constructor(
    private readonly rng: Rng,
    private readonly corpora: Corpora,
  ) {}

  /** The team's trade: staff names that belong to another trade are left out. */
  business?: Business;
  private staffNames?: readonly Localized[];

  private source(role: AuthorRole): readonly Localized[] {
    switch (role) {
      case "staff":
        this.staffNames ??= this.business
          ? fitting(this.corpora.staffNames, this.business)
          : this.corpora.staffNames;
        return this.staffNames;
      case "raider":
        return this.corpora.raiderNames;
      case "client":
        return this.corpora.clientNames;
      default:
        return this.corpora.memberNames;
    }
  }

  /**
   * Ordinary members get generated nicknames (thousands of them, teacher-like ones included), so a
   * name never tells a member from a raider and a year of drills does not exhaust the cast.
   */
  nickname?: (rng: Rng) => Localized;
  /** Raiders get a generated persona too: impostors of the team's staff and bait accounts of its trade. */
  raider?: (rng: Rng) => Localized;

  private drawFor(role: AuthorRole): ((rng: Rng) => Localized) | undefined {
    if (role === "member") return this.nickname;
    if (role === "raider") return this.raider;
    return undefined;
  }

  private generated(rng: Rng, draw: (rng: Rng) => Localized): Localized {
    let name = draw(rng);
    for (let tries = 0; tries < 8 && this.used.has(name.zh); tries++) name = draw(rng);
    if (this.used.has(name.zh))
      name = { zh: `${name.zh}${rng.int(2, 99)}`, en: `${name.en} ${rng.int(2, 99)}` };
    this.used.add(name.zh);
    return name;
  }

  take(role: AuthorRole, count: number, rng: Rng = this.rng): Localized[] {
    const draw = this.drawFor(role);
    if (draw) return Array.from({ length: count }, () => this.generated(rng, draw));
    const free = this.source(role).filter((n) => !this.used.has(n.zh));
    const chosen = rng.sample(free, count);
    // Pools are finite: past their size, numbered nicknames keep every person distinct.
    for (let i = chosen.length; i < count; i++) {
      const base = rng.pick(this.source(role));
      chosen.push({ zh: `${base.zh}${i + 1}`, en: `${base.en}${i + 1}` });
    }
    for (const name of chosen) this.used.add(name.zh);
    return chosen;
  }

  /**
   * Same draws and result as `take(role, 1)`, without copying the free names: a busy group takes
   * one newcomer at a time.
   */
  takeOne(role: AuthorRole, rng: Rng = this.rng): Localized {
    const draw = this.drawFor(role);
    if (draw) return this.generated(rng, draw);
    const source = this.source(role);
    let free = 0;
    for (const n of source) if (!this.used.has(n.zh)) free++;
    let name: Localized | undefined;
    if (free > 0) {
      let skip = rng.int(0, free - 1);
      for (const n of source) {
        if (this.used.has(n.zh)) continue;
        if (skip-- === 0) {
          name = n;
          break;
        }
      }
    } else {
      const base = rng.pick(source);
      name = { zh: `${base.zh}1`, en: `${base.en}1` };
    }
    if (!name) throw new Error(`no ${role} name left`);
    this.used.add(name.zh);
    return name;
  }

  reserve(name: Localized): void {
    this.used.add(name.zh);
  }
}

interface Draft {
  at: number;
  /** Random tie-break: items released at the same moment (one push of several articles) come in any order. */
  order: number;
  /**
   * Built with `id` and `at` as its first keys, so the serialized key order is the feed's; both
   * are set once the feed is sorted (a copy of every item just to prepend them was a tenth of a raid).
   */
  item: FeedItem;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PRICES = ["9.9", "19.9", "29", "39", "49.9", "99", "128", "199", "299", "399"];
const LINK_HOSTS = ["m", "live", "shop", "course", "docs", "forms", "h5", "pay"];

/**
 * The placeholders of each noise line, found once: the corpus is fixed, and an incident fills
 * dozens of lines, so scanning each line again was a tenth of the generator's time.
 */
const noisePlaceholders = new WeakMap<NoiseLine, string[]>();

function placeholdersOf(line: NoiseLine): string[] {
  let names = noisePlaceholders.get(line);
  if (!names) {
    names = [...new Set([...placeholders(line.zh), ...placeholders(line.en)])];
    noisePlaceholders.set(line, names);
  }
  return names;
}

/**
 * Fills the everyday placeholders of a noise line with one value shared by both languages.
 * `over` shadows `vars` (a repeated stimulus's `{each}`), and the line's own values shadow both.
 */
function fillNoise(
  line: NoiseLine,
  rng: Rng,
  vars: Vars,
  members: Person[],
  staff: Person[],
  over?: Vars,
): Localized {
  const names = placeholdersOf(line);
  // Most lines name no placeholder at all; those need no copy of the incident's variables.
  if (names.length === 0) return { zh: line.zh, en: line.en };
  const values: Vars = over ? { ...over } : {};
  for (const name of names) {
    switch (name) {
      case "member":
        values.member = rng.pick(members).name;
        break;
      case "staff":
        values.staff = rng.pick(staff).name;
        break;
      case "num":
        values.num = rng.int(2, 99);
        break;
      case "price":
        values.price = rng.pick(PRICES);
        break;
      case "time":
        values.time = `${String(rng.int(8, 22)).padStart(2, "0")}:${rng.pick(["00", "15", "30", "45"])}`;
        break;
      case "date": {
        const month = rng.int(1, 12);
        const day = rng.int(1, 28);
        values.date = { zh: `${month}月${day}日`, en: `${MONTHS_EN[month - 1]} ${day}` };
        break;
      }
      case "link":
        values.link = `https://${rng.pick(LINK_HOSTS)}.example.com/${rng.id("")}`;
        break;
      case "phone":
        values.phone = `1${rng.int(30, 89)}****${String(rng.int(0, 9999)).padStart(4, "0")}`;
        break;
    }
  }
  return fillLocalized(line, vars, values);
}

/**
 * A Latin letter, digit or common CJK ideograph survives normalizeForMatch, so a term holding one
 * needs no normalizing just to learn it is not empty.
 */
const MATCHABLE = /[A-Za-z0-9\u4e00-\u9fff]/;

const joinText = (name: Localized, inviter?: Localized): Localized =>
  inviter
    ? {
        zh: `“${inviter.zh}”邀请“${name.zh}”加入了群聊`,
        en: `"${inviter.en}" invited "${name.en}" to the group`,
      }
    : {
        zh: `“${name.zh}”通过扫描二维码加入了群聊`,
        en: `"${name.en}" joined the group by scanning a QR code`,
      };

/**
 * Turns a scenario template into one concrete incident. Pure: the same scenario (id, version),
 * seed and context always give the same incident, byte for byte.
 */
export function generate(
  scenario: Scenario,
  seed: number,
  context: GenerateContext = {},
  corpora: Corpora = defaultCorpora,
): Incident {
  const root = Rng.seeded((seed ^ hash32(`${scenario.id}@${scenario.version}`)) | 0);
  // Separate streams: adding a noise line or a parameter never moves anything else.
  const paramRng = root.fork();
  const stimulusRng = root.fork();
  const noiseRng = root.fork();
  const idRng = root.fork();
  const orderRng = root.fork();
  const metaRng = root.fork();

  const pool = new PeoplePool(paramRng, corpora);
  const people: Person[] = [];
  // The note on the card each raider posts, by person: their persona's, not the scenario's.
  const cardNotes = new Map<string, Localized>();
  let personaNote: (name: Localized) => Localized | undefined = () => undefined;
  const addPerson = (name: Localized, role: AuthorRole): Person => {
    const person = { id: idRng.id("p-"), name, role };
    people.push(person);
    pool.reserve(name);
    const note = personaNote(name);
    if (note) cardNotes.set(person.id, note);
    return person;
  };

  // Built-ins first: the team's own names win over the corpus.
  const brand = context.brand ?? paramRng.pick(corpora.brands);
  // The team's trade decides what its sandbox talks about (and which bait accounts fit a raid).
  const business: Business = context.business ?? businessOf(brand, paramRng);
  pool.nickname = (rng) => memberNickname(rng, business);
  pool.business = business;
  const vars: Vars = { brand };
  const group = context.group ?? fillLocalized(paramRng.pick(fitting(corpora.groupNames, business)), vars);
  const client = context.client ?? paramRng.pick(corpora.clientNames);
  const mainStaff = addPerson(context.staff ?? pool.takeOne("staff"), "staff");
  // The whole staff before any parameter: a raid's impostors copy the names members already know.
  const staff = [mainStaff, ...pool.take("staff", paramRng.int(1, 2)).map((n) => addPerson(n, "staff"))];
  const personas = new Map<string, Localized>();
  pool.raider = (rng) => {
    const persona = raiderPersona(
      rng,
      business,
      brand,
      staff.map((p) => p.name),
    );
    personas.set(persona.name.zh, persona.note);
    return persona.name;
  };
  personaNote = (name) => personas.get(name.zh);
  vars.group = group;
  vars.client = client;
  vars.staff = mainStaff.name;
  vars.staffTitle = staffTitle(mainStaff.name);
  const clientPerson = addPerson(client, "client");

  const peopleParams = new Map<string, Person[]>();
  const personParams = new Map<string, Person>();
  const picked = new Map<string, Disguisable & { use?: readonly Localized[] }>();
  for (const [name, param] of Object.entries(scenario.params)) {
    switch (param.kind) {
      case "int":
        vars[name] = paramRng.int(param.min, param.max);
        break;
      case "pick": {
        const option = paramRng.pick(param.options);
        picked.set(name, option);
        // Options may use earlier parameters and the built-ins, e.g. "{brand}的会员日", and the slot grammar.
        vars[name] = fillLocalized(expandPair({ zh: option.zh, en: option.en }, paramRng), vars);
        // A pick that says how to put it in a sentence ({name}Line): a client's reason in the
        // client's words is the option, the same reason as the public notice says it is the line.
        if (param.options.some((o) => o.use))
          vars[`${name}Line`] = lineOf(option, vars[name] as Localized, vars, paramRng);
        break;
      }
      case "person": {
        const person = addPerson(pool.takeOne(param.pool), param.pool);
        personParams.set(name, person);
        vars[name] = person.name;
        break;
      }
      case "people": {
        const count = typeof param.count === "number" ? param.count : Number(vars[param.count]);
        const persons = pool.take(param.pool, count).map((n) => addPerson(n, param.pool));
        peopleParams.set(name, persons);
        vars[name] = persons.map((p) => p.name);
        break;
      }
      case "disguise": {
        const option = picked.get(param.of);
        // The schema guarantees `of` names an earlier pick; this guards hand-built scenarios.
        if (!option) throw new Error(`disguise "${name}" needs the pick parameter "${param.of}" first`);
        const method = paramRng.pick(param.methods);
        const { zh, en } = disguise(option, method, paramRng);
        vars[name] = { zh, en };
        vars[`${name}Method`] = method;
        // The word said in a sentence that fits it ("国家级" is a grade, "根治" a promise), with
        // the disguise in place; a pick without sentences says the word alone.
        vars[`${name}Line`] = lineOf(option, { zh, en }, vars, paramRng);
        break;
      }
    }
  }

  // Everyday cast of the sandbox group.
  const members = pool.take("member", paramRng.int(18, 36)).map((n) => addPerson(n, "member"));

  // The sandbox's wall clock: mornings, nights and holidays follow the drill's real start.
  const { momentAt, hourAt } = clockOf(
    context.startsAt ?? defaultStart(scenario),
    context.timezone ?? DEFAULT_TIMEZONE,
  );
  const scene: Scene = {
    business,
    brand,
    group,
    client: clientPerson,
    staff,
    members,
    newMember: (rng) => {
      const newcomer = addPerson(pool.takeOne("member", rng), "member");
      members.push(newcomer);
      return newcomer;
    },
    momentAt,
  };
  const drafts: Draft[] = [];
  const push = (at: number, item: Draft["item"]) =>
    drafts.push({ at, order: orderRng.int(0, 0x7fffffff), item });

  const joinedAt = new Map<string, number>();
  for (const stimulus of scenario.stimuli) {
    const base = stimulus.at + stimulusRng.int(0, stimulus.jitter);
    // Repeats use the variants without replacement (reshuffled when they run out), so a wave of
    // posts reads like several people rather than one script.
    let deck: Localized[] = [];
    const nextVariant = (): Localized | undefined => {
      if (!stimulus.variants) return undefined;
      if (deck.length === 0) deck = stimulusRng.sample(stimulus.variants, stimulus.variants.length);
      return deck.pop();
    };
    const repeats: Array<{ person?: Person; index: number }> = stimulus.forEach
      ? (peopleParams.get(stimulus.forEach) ?? []).map((person, index) => ({ person, index }))
      : [{ index: 0 }];
    for (const { person, index } of repeats) {
      const drawn = stimulus.forEach ? base + stimulusRng.int(0, stimulus.spread) : base;
      // Shadows the incident's variables for this repeat; copying them per repeat was a sixth of a raid's time.
      const each: Vars | undefined = person ? { each: person.name, index: index + 1 } : undefined;
      const author = resolveAuthor(stimulus, person, personParams, members, staff, clientPerson, stimulusRng);
      // Nobody posts in a group before joining it: a repeat whose jitter drew it ahead of its
      // author's join lands just after the join instead (the member list would not show them yet).
      const joined = author && stimulus.kind !== "join" ? joinedAt.get(author.id) : undefined;
      const at = joined !== undefined ? Math.max(drawn, joined + JOIN_TO_POST) : drawn;
      if (stimulus.kind === "join" && person) joinedAt.set(person.id, at);
      const item = stimulusItem(
        stimulus,
        nextVariant() ?? stimulus.text ?? NO_TEXT,
        vars,
        each,
        stimulusRng,
        scene,
        author,
        author ? cardNotes.get(author.id) : undefined,
      );
      // Later stimuli and the rubric name the post the generator wrote: "文章《…》涉嫌…".
      if (stimulus.body && item.title) vars[ARTICLE_TITLE] = item.title;
      push(at, item);
    }
  }

  const events = surfaceEvents(corpora, vars);
  const pushDraft = (surface: Surface, d: NoiseDraft) => push(d.at, draftItem(surface, d));

  // Every surface the team works on carries noise in every drill, whether or not the scenario uses
  // it: an empty surface, or one that only fills when the incident lands, would point at the answer.
  const used = new Set<Surface>(context.surfaces ?? SANDBOX_SURFACES);
  for (const s of scenario.surfaces) if (s !== "oncall_page") used.add(s);
  const specs = new Map<Surface, NoiseSpec>();
  for (const surface of used) {
    const fallback = DEFAULT_NOISE[surface];
    if (fallback) specs.set(surface, fallback);
  }
  for (const noise of scenario.noise) if (noise.surface !== "oncall_page") specs.set(noise.surface, noise);

  for (const [surface, noise] of specs) {
    const event = events[surface];
    if (!event) continue;
    const paced = PACED.has(surface);
    // People write less at night: candidates come at the busiest hour's pace and each is kept with
    // the hour's share of it (thinning), so a quiet night neither jumps a day nor fills up.
    const every = paced ? noise.every / PEAK_ACTIVITY : noise.every;
    const low = Math.max(1, Math.ceil(every * 0.3));
    const high = Math.max(low, Math.floor(every * 1.7));
    let before = 0;
    let at = -noise.history + noiseRng.int(0, Math.ceil(every));
    while (at <= noise.until) {
      const keep = !paced || noiseRng.chance(activityAt(hourAt(at)) / PEAK_ACTIVITY);
      if (keep) {
        for (const d of event(scene, noiseRng, at)) {
          if (d.at <= 0) before++;
          pushDraft(surface, d);
        }
      }
      at += noiseRng.int(low, high);
    }
    if (before === 0) {
      // A quiet night can leave a surface empty at the start: it still shows its last item.
      for (const d of event(scene, noiseRng, -noiseRng.int(noise.every, noise.every * 3)))
        pushDraft(surface, d);
    }
    const alongside = "alongside" in noise ? noise.alongside : undefined;
    if (alongside) {
      const released = drafts
        .filter((d) => d.item.surface === surface && "stimulus" in d.item.origin)
        .reduce<number | undefined>((min, d) => (min === undefined ? d.at : Math.min(min, d.at)), undefined);
      const count = noiseRng.int(alongside.min, Math.max(alongside.min, alongside.max));
      for (let i = 0; released !== undefined && i < count; i++) {
        for (const d of event(scene, noiseRng, released)) pushDraft(surface, { ...d, at: released });
      }
    }
  }

  drafts.sort((a, b) => a.at - b.at || a.order - b.order);
  const items: FeedItem[] = drafts.map((d) => {
    d.item.id = idRng.id("it-");
    d.item.at = d.at;
    // Every article gets its backend-list status and reads the same way, incident or not.
    if (d.item.kind === "article" && !d.item.article) d.item.article = articleMeta(d.at, metaRng);
    return d.item;
  });

  const staffIds = new Set(staff.map((s) => s.id));
  const personById = new Map(people.map((p) => [p.id, p]));
  const itemById = new Map(items.map((it) => [it.id, it]));
  const labelsOf = (ids: readonly string[], by: "item" | "author"): Record<string, Localized> => {
    const out: Record<string, Localized> = {};
    for (const id of ids) {
      const label = by === "author" ? personById.get(id)?.name : itemLabel(itemById.get(id), personById);
      if (label) out[id] = label;
    }
    return out;
  };
  const stimulusItems = (ids: readonly string[]) =>
    items.filter((it) => "stimulus" in it.origin && ids.includes(it.origin.stimulus));
  const resolveTarget = (t: NonNullable<Scenario["steps"][number]["target"]>): RubricTarget => {
    let chosen = t.stimuli ? stimulusItems(t.stimuli) : [];
    if (t.noise)
      chosen = chosen.concat(items.filter((it) => "noise" in it.origin && it.origin.noise === t.noise));
    let ids: string[];
    let authors: string[] | undefined;
    if (t.by === "author") {
      // Each author once, in feed order; a raid's rule spans every item of the group.
      const seen = new Set<string>();
      for (const it of chosen) if (it.authorId !== undefined) seen.add(it.authorId);
      ids = [...seen];
    } else {
      ids = chosen.map((it) => it.id);
      const seen = new Set<string>();
      for (const it of chosen)
        if (it.authorId !== undefined && !staffIds.has(it.authorId)) seen.add(it.authorId);
      authors = [...seen];
    }
    // Staff and the client are never a legitimate target of "all raiders" style rules.
    const safe = t.by === "author" && t.noise ? ids.filter((id) => !staffIds.has(id)) : ids;
    // Labels for the review only where they are few enough to read (a noise target names everyone).
    const labels = t.noise ? undefined : labelsOf(safe, t.by);
    return {
      ids: safe,
      by: t.by,
      match: t.match,
      ...(authors ? { authors } : {}),
      ...(labels ? { labels } : {}),
    };
  };
  const terms = (list?: string[]): string[] | undefined => {
    if (!list) return undefined;
    const out = new Set<string>();
    for (const t of list) for (const lang of ["zh", "en"] as const) out.add(fill(t, vars, lang));
    return [...out].filter((t) => MATCHABLE.test(t) || normalizeForMatch(t).length > 0);
  };

  const detectionItems = stimulusItems(scenario.detection.stimuli);
  const detectionIds = detectionItems.map((it) => it.id);
  const detectionAuthors = [
    ...new Set(
      detectionItems.flatMap((it) =>
        it.authorId !== undefined && !staffIds.has(it.authorId) && it.authorId !== clientPerson.id
          ? [it.authorId]
          : [],
      ),
    ),
  ];
  const matchText = (it: FeedItem) =>
    normalizeForMatch(
      [
        it.text.zh,
        it.text.en,
        it.card?.name.zh,
        it.card?.note.zh,
        it.card?.name.en,
        it.card?.note.en,
        it.title?.zh,
        it.title?.en,
      ]
        .filter(Boolean)
        .join("\n"),
    );
  const keywordTexts = (ids: string[]) => stimulusItems(ids).map(matchText);
  // The everyday items of the same surfaces: a keyword that would also block them ("老师", "大家")
  // is not what the raiders have in common. A sample keeps the rubric small.
  const keywordNoise = (ids: string[]) => {
    const surfaces = new Set(stimulusItems(ids).map((it) => it.surface));
    const noise = items.filter((it) => "noise" in it.origin && surfaces.has(it.surface));
    const step = Math.max(1, Math.ceil(noise.length / KEYWORD_NOISE_SAMPLE));
    return noise.filter((_, i) => i % step === 0).map(matchText);
  };
  const rubric: Rubric = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    paged: scenario.page !== undefined,
    detection: { itemIds: detectionIds, authorIds: detectionAuthors, labels: labelsOf(detectionIds, "item") },
    steps: scenario.steps.map((s) => ({
      id: s.id,
      action: s.action,
      label: fillLocalized(s.label, vars),
      ...(s.target ? { target: resolveTarget(s.target) } : {}),
      ...(s.containsAny ? { containsAny: terms(s.containsAny) } : {}),
      ...(s.excludes ? { excludes: terms(s.excludes) } : {}),
      ...(s.keywordIn
        ? { keywordIn: keywordTexts(s.keywordIn), keywordNoise: keywordNoise(s.keywordIn) }
        : {}),
      targetSeconds: s.within,
      weight: s.weight,
      required: s.required,
      decay: s.decay,
    })),
    harmful: scenario.harmful.map((h) => ({
      id: h.id,
      action: h.action,
      label: fillLocalized(h.label, vars),
      ...(h.target ? { target: resolveTarget(h.target) } : {}),
      ...(h.containsAny ? { containsAny: terms(h.containsAny) } : {}),
      penalty: h.penalty,
    })),
    timeoutSeconds: scenario.timeout,
    passMark: PASS_MARK,
  };

  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    title: fillLocalized(scenario.title, vars),
    brief: fillLocalized(scenario.brief, vars),
    params: vars,
    people,
    items,
    ...(scenario.page ? { page: { message: fillLocalized(scenario.page.message, vars) } } : {}),
    detection: { itemIds: detectionIds, hint: fillLocalized(scenario.detection.hint, vars) },
    rubric,
  };
}

/** What the review calls an item: a card by its name, an article by its title, else its opening words. */
function itemLabel(item: FeedItem | undefined, people: Map<string, Person>): Localized | undefined {
  if (!item) return undefined;
  if (item.card) return item.card.name;
  if (item.title) return item.title;
  const who = item.authorId ? people.get(item.authorId)?.name : undefined;
  const cut = (t: string) => (t.length > 24 ? `${t.slice(0, 24)}…` : t);
  const text = { zh: cut(item.text.zh), en: cut(item.text.en) };
  return who ? { zh: `${who.zh}：${text.zh}`, en: `${who.en}: ${text.en}` } : text;
}

function resolveAuthor(
  stimulus: Stimulus,
  each: Person | undefined,
  personParams: Map<string, Person>,
  members: Person[],
  staff: Person[],
  client: Person,
  rng: Rng,
): Person | undefined {
  if (stimulus.author && "param" in stimulus.author) return personParams.get(stimulus.author.param);
  if (stimulus.author && "pool" in stimulus.author) {
    switch (stimulus.author.pool) {
      case "staff":
        return rng.pick(staff);
      case "client":
        return client;
      case "system":
      case "editor":
        return undefined;
      default:
        return rng.pick(members);
    }
  }
  if (each) return each;
  if (stimulus.surface === "client_dm") return client;
  if (stimulus.surface === "group_chat" || stimulus.surface === "comments") return rng.pick(members);
  return undefined;
}

function stimulusItem(
  stimulus: Stimulus,
  template: Localized,
  vars: Vars,
  each: Vars | undefined,
  rng: Rng,
  scene: Scene,
  author: Person | undefined,
  ownNote: Localized | undefined,
): Draft["item"] {
  // Slot grammar first ([a|b] choices, the same ones in both languages), then the placeholders.
  const grow = (t: Localized) => fillLocalized(expandPair(t, rng), vars, each);
  const text = grow(template);
  const item: Draft["item"] = {
    id: "",
    at: 0,
    surface: stimulus.surface,
    kind: stimulus.kind,
    text,
    origin: { stimulus: stimulus.id },
  };
  if (author) item.authorId = author.id;
  if (stimulus.title) item.title = grow(stimulus.title);
  if (stimulus.card)
    item.card = {
      name: grow(stimulus.card.name),
      // A card without a note in the scenario shows its holder's own: a raider's persona.
      note: stimulus.card.note ? grow(stimulus.card.note) : (ownNote ?? scene.brand),
    };
  if (stimulus.body) {
    // The body is written like every other article of the account; the incident sentence goes in.
    const count = rng.int(stimulus.body.paragraphs.min, stimulus.body.paragraphs.max);
    let paragraphs: Localized[];
    if (stimulus.body.lines) {
      // Someone else's text (a client's draft): its own paragraphs, in order.
      paragraphs = stimulus.body.lines.slice(0, Math.max(1, count)).map(grow);
    } else {
      const written = writeArticle(scene, rng, stimulus.at);
      paragraphs = written.paragraphs.slice(0, Math.max(1, count));
      if (!item.title) item.title = written.title;
    }
    if (stimulus.body.status !== "sent") item.article = { reads: 0, status: stimulus.body.status };
    if (stimulus.body.insert) {
      const insert = grow(stimulus.body.insert);
      const at = rng.int(0, paragraphs.length);
      const host = paragraphs[at];
      // Half the time the sentence hides inside an ordinary paragraph rather than standing alone.
      if (host && rng.chance(0.5)) {
        paragraphs[at] = { zh: `${host.zh}${insert.zh}`, en: `${host.en} ${insert.en}` };
      } else {
        // Standing alone it follows the opening: no post starts on "另外，…" or on its one claim.
        paragraphs.splice(Math.max(1, at), 0, insert);
      }
    }
    item.paragraphs = paragraphs;
  }
  // The backend list previews every article the same way, incident or not.
  if (item.kind === "article" && item.paragraphs?.[0]) item.text = digestOf(item.paragraphs);
  return item;
}

const DIGEST_CHARS = { zh: 54, en: 110 } as const;

/** How the 公众号 backend list previews an article: the opening of its first paragraph. */
export function digestOf(paragraphs: readonly Localized[]): Localized {
  const first = paragraphs[0] as Localized;
  const cut = (text: string, lang: Lang) =>
    text.length > DIGEST_CHARS[lang] ? `${text.slice(0, DIGEST_CHARS[lang])}…` : text;
  return { zh: cut(first.zh, "zh"), en: cut(first.en, "en") };
}

function noiseItem(
  surface: Surface,
  rng: Rng,
  corpora: Corpora,
  vars: Vars,
  members: Person[],
  staff: Person[],
  client: Person,
  newMember: (rng: Rng) => Person,
): Draft["item"] | undefined {
  const origin = { noise: surface };
  switch (surface) {
    case "group_chat": {
      const roll = rng.int(0, 99);
      if (roll < 5) {
        const inviter = rng.chance(0.5) ? rng.pick(members).name : undefined;
        const newcomer = newMember(rng);
        return {
          id: "",
          at: 0,
          surface,
          kind: "join",
          authorId: newcomer.id,
          text: joinText(newcomer.name, inviter),
          origin,
        };
      }
      if (roll < 10) {
        const card = rng.pick(corpora.groupCards);
        return {
          id: "",
          at: 0,
          surface,
          kind: "card",
          authorId: rng.pick(members).id,
          text: fillNoise(card.says, rng, vars, members, staff),
          card: {
            name: fillNoise(card.name, rng, vars, members, staff),
            note: fillNoise(card.note, rng, vars, members, staff),
          },
          origin,
        };
      }
      if (roll < 18)
        return {
          id: "",
          at: 0,
          surface,
          kind: "message",
          authorId: rng.pick(staff).id,
          text: fillNoise(rng.pick(corpora.staffChat), rng, vars, members, staff),
          origin,
        };
      return {
        id: "",
        at: 0,
        surface,
        kind: "message",
        authorId: rng.pick(members).id,
        text: fillNoise(rng.pick(corpora.groupChat), rng, vars, members, staff),
        origin,
      };
    }
    case "articles": {
      const paragraphs = rng
        .sample(corpora.articleParagraphs, rng.int(3, 5))
        .map((p) => fillNoise(p, rng, vars, members, staff));
      const plain = fillNoise(rng.pick(corpora.articleTitles), rng, vars, members, staff);
      // Accounts often lead a title with their name or a column ("青禾学堂｜…"): never only the incident's.
      const brand = vars.brand as Localized;
      const title = rng.chance(0.35)
        ? { zh: `${brand.zh}｜${plain.zh}`, en: `${brand.en} | ${plain.en}` }
        : plain;
      return {
        id: "",
        at: 0,
        surface,
        kind: "article",
        title,
        text: paragraphs[0] ?? title,
        paragraphs,
        origin,
      };
    }
    case "comments":
      return {
        id: "",
        at: 0,
        surface,
        kind: "comment",
        authorId: rng.pick(members).id,
        text: fillNoise(rng.pick(corpora.comments), rng, vars, members, staff),
        origin,
      };
    case "client_dm":
      return {
        id: "",
        at: 0,
        surface,
        kind: "dm",
        authorId: client.id,
        text: fillNoise(rng.pick(corpora.clientMessages), rng, vars, members, staff),
        origin,
      };
    case "account_console":
      return {
        id: "",
        at: 0,
        surface,
        kind: "console",
        text: fillNoise(rng.pick(corpora.consoleEvents), rng, vars, members, staff),
        origin,
      };
    case "oncall_page":
      return undefined;
  }
}
