import type { Business } from "./noise/types.js";
import type { ActionKind, AuthorRole, ItemKind, Localized, Surface } from "./vocabulary.js";

/** Someone who appears in the sandbox: a group member, a staff member, a raider, the client. */
export interface Person {
  id: string;
  name: Localized;
  role: AuthorRole;
}

/** One thing a responder can see on a surface: a chat message, a card, an article, a comment… */
export interface FeedItem {
  id: string;
  /** Seconds from injection. Negative: it was already there when the drill began. */
  at: number;
  surface: Surface;
  kind: ItemKind;
  authorId?: string;
  text: Localized;
  title?: Localized;
  paragraphs?: Localized[];
  card?: { name: Localized; note: Localized };
  /** For articles: what the 公众号 backend list shows beside the title. */
  article?: ArticleMeta;
  /** Which stimulus produced it, or that it is background noise. Never shown to responders. */
  origin: { stimulus: string } | { noise: Surface };
}

/** The status an article has in the 公众号 backend list. */
export const ARTICLE_STATUSES = ["sent", "published", "scheduled", "draft"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface ArticleMeta {
  /** 阅读 count so far (0 for a draft or a scheduled post). */
  reads: number;
  status: ArticleStatus;
}

export interface RubricTarget {
  /** Item ids, or person ids when `by` is "author". */
  ids: string[];
  by: "item" | "author";
  match: "any" | "all";
  /**
   * With `by: item`: the people who wrote those items. Removing one of them is acting on the
   * incident, so it counts as finding it (absent in rubrics made before this rule).
   */
  authors?: string[];
  /** What the review calls each id: a person's name, an item's title or opening words. */
  labels?: Record<string, Localized>;
}

export interface RubricStep {
  id: string;
  action: ActionKind;
  label: Localized;
  target?: RubricTarget;
  /** The action's text must contain one of these (both languages, already filled in). */
  containsAny?: string[];
  excludes?: string[];
  /**
   * For keywords (blacklist_keyword): a keyword the team typed also counts when it is found in at
   * least half of these texts (normalised): the raiders' shared lure phrase is a fair keyword even
   * if nobody wrote it into the scenario.
   */
  keywordIn?: string[];
  /**
   * Everyday texts of the same surfaces (normalised): a keyword found in more than a few of them
   * would block ordinary chat ("老师", "大家"), so it does not count as the raiders' common mark.
   */
  keywordNoise?: string[];
  targetSeconds: number;
  weight: number;
  required: boolean;
  decay: number;
}

export interface RubricHarm {
  id: string;
  action: ActionKind;
  label: Localized;
  target?: RubricTarget;
  containsAny?: string[];
  penalty: number;
}

/** The concrete yardstick for one incident: scenario targets bound to this incident's ids and words. */
export interface Rubric {
  scenarioId: string;
  scenarioVersion: number;
  paged: boolean;
  /** The incident's items and the people who wrote them (removing one is acting on the incident). */
  detection: { itemIds: string[]; authorIds?: string[]; labels?: Record<string, Localized> };
  steps: RubricStep[];
  harmful: RubricHarm[];
  timeoutSeconds: number;
  passMark: number;
}

export type ParamValue = number | string | Localized | Localized[];

export interface Incident {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  title: Localized;
  brief: Localized;
  /** Resolved parameters and built-ins ({brand}, {group}, {client}, {staff}). */
  params: Record<string, ParamValue>;
  people: Person[];
  /** Every item on every surface, in time order. */
  items: FeedItem[];
  page?: { message: Localized };
  detection: { itemIds: string[]; hint: Localized };
  rubric: Rubric;
}

/** What the generator may know about the team it generates for. All optional. */
export interface GenerateContext {
  brand?: Localized;
  group?: Localized;
  client?: Localized;
  staff?: Localized;
  /** The team's line of business; the sandbox talks about it. Drawn from the seed when absent. */
  business?: Business;
  /** The surfaces the team works on; each carries noise in every drill. Default: SANDBOX_SURFACES. */
  surfaces?: Surface[];
  /** IANA timezone of the team, so the sandbox knows what time of day it is. */
  timezone?: string;
  /**
   * When the drill's clock starts on the wall (epoch ms, the planned injection): the sandbox's
   * mornings, nights and holidays follow it. Handed in, never read from a clock, so a drill replays.
   */
  startsAt?: number;
}

/** The share of a rubric's points a drill must reach to pass. */
export const PASS_MARK = 80;
