import * as z from "zod";
import {
  ActionKind,
  AuthorRole,
  Category,
  Duration,
  ItemKind,
  Localized,
  Severity,
  Surface,
} from "./vocabulary.js";

const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { message: "expected a lower-case slug such as kick-raiders" })
  .max(64);
const ParamName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, { message: "expected a camelCase name such as raiderCount" })
  .max(40);
const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day such as "01:00"' });

/** Built-in template variables every scenario may use without declaring them ({staffTitle}: 班主任, 助教…). */
export const BUILTIN_VARS = ["brand", "group", "client", "staff", "staffTitle"] as const;
/**
 * The title of the last article a stimulus wrote with a `body`, for the stimuli after it and the
 * rubric: "文章《{articleTitle}》涉嫌…" names the very post the generator wrote for the team.
 */
export const ARTICLE_TITLE = "articleTitle";
/** Variables that exist only inside a stimulus that repeats `forEach` person. */
export const EACH_VARS = ["each", "index"] as const;

const PickOption = z
  .object({
    zh: z.string().min(1).max(4000),
    en: z.string().min(1).max(4000),
    homophone: Localized.partial()
      .optional()
      .describe("A sound-alike spelling that a disguise of this option may use (谐音)"),
    lookalike: Localized.partial()
      .optional()
      .describe("A look-alike spelling (形近字, traditional forms, 0 for O) that a disguise may use"),
    pinyin: Localized.partial()
      .optional()
      .describe("The word half or wholly in pinyin or its initials (拼音/首字母), as posters write it"),
    use: z
      .array(Localized)
      .min(1)
      .max(12)
      .optional()
      .describe(
        "Sentences that say this option naturally, {it} marking where it stands: {<pick>Line} is one of them, {<disguise>Line} one with the disguise in place",
      ),
  })
  .strict();

const IntParam = z
  .object({ kind: z.literal("int"), min: z.number().int(), max: z.number().int() })
  .strict()
  .refine((p) => p.min <= p.max, { message: "min must not exceed max", path: ["max"] });
const PickParam = z
  .object({ kind: z.literal("pick"), options: z.array(PickOption).min(1).max(200) })
  .strict()
  .describe("One of the options, drawn at random");
const PersonPool = z.enum(["member", "staff", "raider", "client"]);
const PersonParam = z
  .object({ kind: z.literal("person"), pool: PersonPool })
  .strict()
  .describe("A person drawn from a name pool; becomes a member of the sandbox group");
const PeopleParam = z
  .object({
    kind: z.literal("people"),
    pool: PersonPool,
    count: z.union([
      z.number().int().min(1).max(60),
      ParamName.describe("the name of an int parameter declared earlier"),
    ]),
  })
  .strict()
  .describe("Several distinct people from a pool");
/**
 * How posters really write a word past a filter: spaces or dots between characters, full-width
 * letters, a homophone, a look-alike character, pinyin or its initials, an emoji in the middle, or
 * the word broken across a line. Slashes between Chinese characters are not among them: nobody
 * writes that.
 */
export const DISGUISE_METHODS = [
  "plain",
  "spaced",
  "fullwidth",
  "homophone",
  "lookalike",
  "pinyin",
  "emoji",
  "split",
] as const;
const DisguiseParam = z
  .object({
    kind: z.literal("disguise"),
    of: ParamName.describe("a pick parameter declared earlier"),
    methods: z.array(z.enum(DISGUISE_METHODS)).min(1),
  })
  .strict()
  .describe(
    "The picked word written the way people dodge filters; {<name>Line} is one of the pick's `use` sentences with it",
  );

export const Param = z.discriminatedUnion("kind", [
  IntParam,
  PickParam,
  PersonParam,
  PeopleParam,
  DisguiseParam,
]);
export type Param = z.infer<typeof Param>;

const Author = z.union([
  z.object({ param: ParamName.describe("a person parameter") }).strict(),
  z
    .object({ pool: AuthorRole.describe("a random person of this role (member: an ordinary group member)") })
    .strict(),
]);

const Stimulus = z
  .object({
    id: Slug,
    surface: Surface,
    kind: ItemKind,
    at: Duration.prefault("0s").describe("Offset from the injection"),
    jitter: Duration.prefault("0s").describe("A random extra delay in [0, jitter]"),
    forEach: ParamName.optional().describe(
      "Repeat once per person of this people parameter; {each} is their name",
    ),
    spread: Duration.prefault("0s").describe(
      "With forEach: the repeats land at random within [at, at+spread]",
    ),
    author: Author.optional(),
    text: Localized.optional(),
    variants: z.array(Localized).min(1).max(50).optional().describe("One is drawn at random per item"),
    title: Localized.optional().describe("For articles"),
    body: z
      .object({
        paragraphs: z
          .object({ min: z.number().int().min(1).max(12), max: z.number().int().min(1).max(12) })
          .strict(),
        insert: Localized.optional().describe("A sentence placed at a random paragraph"),
        lines: z
          .array(Localized)
          .min(1)
          .max(12)
          .optional()
          .describe(
            "The paragraphs themselves, in order, for a text the team did not write (a client's draft); the first `paragraphs` of them are used",
          ),
        status: z
          .enum(["sent", "draft", "scheduled"])
          .prefault("sent")
          .describe("How the backend list shows the article: sent (with reads), a draft or scheduled"),
      })
      .strict()
      .optional()
      .describe("For articles: everyday paragraphs with the incident sentence hidden at a random place"),
    card: z
      .object({
        name: Localized,
        note: Localized.optional().describe(
          "Without a note, the card carries its holder's own (a raider's persona, a member's trade)",
        ),
      })
      .strict()
      .optional()
      .describe("For business cards"),
  })
  .strict()
  // An article with a body previews its first paragraph, so it needs no text of its own.
  .refine((s) => s.text || s.variants || s.body, {
    message: "a stimulus needs text or variants",
    path: ["text"],
  });

const Noise = z
  .object({
    surface: Surface,
    history: Duration.describe("How far back before the injection the surface already has items"),
    until: Duration.describe("How long after the injection noise keeps flowing"),
    every: Duration.describe("The mean gap between two noise items"),
    alongside: z
      .object({ min: z.number().int().min(0).max(10), max: z.number().int().min(0).max(10) })
      .strict()
      .optional()
      .describe(
        "Noise items released together with the first stimulus here, e.g. the other articles of one push",
      ),
  })
  .strict();

const Target = z
  .object({
    stimuli: z.array(Slug).min(1).optional(),
    noise: Surface.optional().describe(
      "Background items of this surface (for penalties on harming the wrong thing)",
    ),
    by: z
      .enum(["item", "author"])
      .default("item")
      .describe("Whether the action targets the items or their authors"),
    match: z
      .enum(["any", "all"])
      .default("any")
      .describe("Whether one target is enough or every one is needed"),
  })
  .strict()
  .refine((t) => t.stimuli || t.noise, { message: "a target names stimuli or a noise surface" });

const Step = z
  .object({
    id: Slug,
    action: ActionKind,
    label: Localized,
    target: Target.optional(),
    containsAny: z
      .array(z.string().min(1).max(200))
      .min(1)
      .optional()
      .describe(
        "The action's text must contain one of these ({param} allowed); spacing, width and case ignored",
      ),
    excludes: z
      .array(z.string().min(1).max(200))
      .min(1)
      .optional()
      .describe("The action's text must contain none of these"),
    keywordIn: z
      .array(Slug)
      .min(1)
      .optional()
      .describe(
        "For keywords: a keyword the team typed also counts when it appears in at least half of these stimuli's items",
      ),
    within: Duration.describe("The target time, from injection"),
    weight: z.number().positive().max(100),
    required: z.boolean().default(true),
    decay: z
      .number()
      .min(1)
      .max(20)
      .default(3)
      .describe("Points fall linearly to zero at this multiple of the target"),
  })
  .strict();

const Harmful = z
  .object({
    id: Slug,
    action: ActionKind,
    label: Localized,
    target: Target.optional(),
    containsAny: z.array(z.string().min(1).max(200)).min(1).optional(),
    penalty: z.number().positive().max(100).describe("Points lost each time (per distinct target)"),
  })
  .strict();

const ScenarioShape = z
  .object({
    id: Slug,
    version: z.number().int().min(1),
    category: Category,
    severity: Severity,
    title: Localized,
    brief: Localized,
    tags: z.array(z.string().min(1).max(40)).max(20).default([]),
    surfaces: z.array(Surface).min(1),
    timing: z
      .object({
        window: z.enum(["business_hours", "night", "any"]),
        between: z
          .object({ start: ClockTime, end: ClockTime })
          .strict()
          .optional()
          .describe("Local clock times, inclusive, that the drill must land in"),
      })
      .strict(),
    page: z
      .object({ message: Localized })
      .strict()
      .optional()
      .describe("Page the on-call people on injection with this message"),
    params: z.record(ParamName, Param).default({}),
    stimuli: z.array(Stimulus).min(1).max(100),
    noise: z.array(Noise).max(10).default([]),
    detection: z
      .object({
        stimuli: z.array(Slug).min(1).describe("Flagging any item of these stimuli counts as detection"),
        hint: Localized.describe("What the team should have noticed, shown in the review"),
      })
      .strict(),
    steps: z.array(Step).min(1).max(30),
    harmful: z.array(Harmful).max(30).default([]),
    timeout: Duration,
  })
  .strict();

export const ScenarioSchema = ScenarioShape.superRefine(checkReferences);

export type Scenario = z.output<typeof ScenarioShape>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Stimulus = Scenario["stimuli"][number];
export type Step = Scenario["steps"][number];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Cross-field rules a JSON Schema cannot express: every reference points at something declared. */
function checkReferences(sc: Scenario, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });

  const declared = new Map<string, Param>();
  for (const [name, param] of Object.entries(sc.params)) {
    if (
      (BUILTIN_VARS as readonly string[]).includes(name) ||
      (EACH_VARS as readonly string[]).includes(name)
    ) {
      issue(["params", name], `"${name}" is built in; choose another name`);
    }
    if (param.kind === "people" && typeof param.count === "string") {
      if (declared.get(param.count)?.kind !== "int")
        issue(["params", name, "count"], `"${param.count}" is not an int parameter declared earlier`);
    }
    if (param.kind === "disguise" && declared.get(param.of)?.kind !== "pick") {
      issue(["params", name, "of"], `"${param.of}" is not a pick parameter declared earlier`);
    }
    declared.set(name, param);
  }

  // Variables a parameter or a stimulus brings besides its own name: a disguise's sentence, the
  // title an article stimulus was written under (for the stimuli after it and the rubric).
  const derived = new Set<string>();
  for (const [name, param] of declared) {
    if (param.kind === "disguise" || (param.kind === "pick" && param.options.some((o) => o.use)))
      derived.add(`${name}Line`);
  }
  const checkText = (text: string, path: (string | number)[], inEach: boolean) => {
    for (const name of placeholders(text)) {
      const known =
        declared.has(name) ||
        derived.has(name) ||
        (BUILTIN_VARS as readonly string[]).includes(name) ||
        (inEach && (EACH_VARS as readonly string[]).includes(name));
      if (!known) issue(path, `unknown placeholder {${name}}`);
    }
  };
  const checkLocalized = (text: Localized | undefined, path: (string | number)[], inEach: boolean) => {
    if (!text) return;
    checkText(text.zh, [...path, "zh"], inEach);
    checkText(text.en, [...path, "en"], inEach);
  };

  const surfaces = new Set(sc.surfaces);
  const stimulusIds = new Set<string>();
  sc.stimuli.forEach((st, i) => {
    const path = ["stimuli", i];
    if (stimulusIds.has(st.id)) issue([...path, "id"], `duplicate stimulus id "${st.id}"`);
    stimulusIds.add(st.id);
    if (!surfaces.has(st.surface))
      issue([...path, "surface"], `"${st.surface}" is not in the scenario's surfaces`);
    const inEach = st.forEach !== undefined;
    if (st.forEach && declared.get(st.forEach)?.kind !== "people") {
      issue([...path, "forEach"], `"${st.forEach}" is not a people parameter`);
    }
    if (st.author && "param" in st.author) {
      const kind = declared.get(st.author.param)?.kind;
      if (kind !== "person")
        issue([...path, "author", "param"], `"${st.author.param}" is not a person parameter`);
    }
    checkLocalized(st.text, [...path, "text"], inEach);
    st.variants?.forEach((v, j) => {
      checkLocalized(v, [...path, "variants", j], inEach);
    });
    checkLocalized(st.title, [...path, "title"], inEach);
    checkLocalized(st.body?.insert, [...path, "body", "insert"], inEach);
    checkLocalized(st.card?.name, [...path, "card", "name"], inEach);
    checkLocalized(st.card?.note, [...path, "card", "note"], inEach);
    if (st.body && st.body.paragraphs.min > st.body.paragraphs.max) {
      issue([...path, "body", "paragraphs", "max"], "max must not be below min");
    }
    if (st.body) derived.add(ARTICLE_TITLE);
  });
  checkLocalized(sc.page?.message, ["page", "message"], false);

  sc.noise.forEach((n, i) => {
    if (!surfaces.has(n.surface))
      issue(["noise", i, "surface"], `"${n.surface}" is not in the scenario's surfaces`);
    if (n.every < 5) issue(["noise", i, "every"], "noise every must be at least 5s");
  });

  sc.detection.stimuli.forEach((id, i) => {
    if (!stimulusIds.has(id)) issue(["detection", "stimuli", i], `unknown stimulus "${id}"`);
  });

  const checkTarget = (t: Scenario["steps"][number]["target"], path: (string | number)[]) => {
    t?.stimuli?.forEach((id, i) => {
      if (!stimulusIds.has(id)) issue([...path, "target", "stimuli", i], `unknown stimulus "${id}"`);
    });
  };
  const stepIds = new Set<string>();
  sc.steps.forEach((step, i) => {
    const path = ["steps", i];
    if (stepIds.has(step.id)) issue([...path, "id"], `duplicate step id "${step.id}"`);
    stepIds.add(step.id);
    checkTarget(step.target, path);
    step.containsAny?.forEach((t, j) => {
      checkText(t, [...path, "containsAny", j], false);
    });
    step.excludes?.forEach((t, j) => {
      checkText(t, [...path, "excludes", j], false);
    });
    step.keywordIn?.forEach((id, j) => {
      if (!stimulusIds.has(id)) issue([...path, "keywordIn", j], `unknown stimulus "${id}"`);
    });
    if (step.action === "acknowledge" && !sc.page)
      issue([...path, "action"], "acknowledge needs the scenario to page");
    if (step.within > sc.timeout)
      issue([...path, "within"], "the target time is past the scenario's timeout");
  });
  if (!sc.steps.some((st) => st.required)) issue(["steps"], "at least one step must be required");

  const harmIds = new Set<string>();
  sc.harmful.forEach((h, i) => {
    if (harmIds.has(h.id)) issue(["harmful", i, "id"], `duplicate harmful id "${h.id}"`);
    harmIds.add(h.id);
    checkTarget(h.target, ["harmful", i]);
    h.containsAny?.forEach((t, j) => {
      checkText(t, ["harmful", i, "containsAny", j], false);
    });
  });

  if (sc.timing.window === "night" && !sc.timing.between) {
    issue(["timing", "between"], "a night scenario states the local hours it must land in");
  }
}
