import type { ArticleMeta, Person } from "../incident.js";
import type { Rng } from "../random.js";
import type { ItemKind, Localized } from "../vocabulary.js";

/**
 * The lines of business a team's community can be about. The sandbox talks about the team's own
 * trade: a cooking course group swaps recipes, a fitness camp posts check-ins.
 */
export const BUSINESSES = [
  "education",
  "parenting",
  "fitness",
  "beauty",
  "cooking",
  "tea",
  "reading",
  "language",
  "home",
  "yoga",
  "produce",
  "flowers",
  "calligraphy",
] as const;
export type Business = (typeof BUSINESSES)[number];

/** A moment on the team's wall clock. */
export interface LocalMoment {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
  /** 0–23 */
  hour: number;
  minute: number;
  /** The holiday this date is, if any (元旦, 春节, 端午…). */
  holiday?: Localized;
  /** The next holiday within 21 days, if any, and how many days away. */
  upcoming?: { name: Localized; inDays: number };
}

/**
 * What a surface's noise may know about the sandbox it fills. Everything random comes from the
 * `rng` handed to each call; the scene itself holds no randomness.
 */
export interface Scene {
  business: Business;
  brand: Localized;
  group: Localized;
  client: Person;
  /** The team's staff in the group; the first is the team's own staff name. */
  staff: readonly Person[];
  /** Ordinary members of the group; grows as newcomers join. */
  members: readonly Person[];
  /** A newcomer with a generated nickname: becomes a member of the group. */
  newMember(rng: Rng): Person;
  /** The team's wall clock at an offset in seconds from the injection. */
  momentAt(offset: number): LocalMoment;
}

/** One generated item, before it gets its id. */
export interface NoiseDraft {
  /** Seconds from the injection; negative for history. */
  at: number;
  kind: ItemKind;
  authorId?: string;
  text: Localized;
  title?: Localized;
  paragraphs?: Localized[];
  card?: { name: Localized; note: Localized };
  article?: ArticleMeta;
}

/**
 * One "event" of a surface at `at`: a line, a short exchange whose replies answer it, a push of
 * several articles, a wave of newcomers. Drafts may land a little after `at` (replies take time),
 * never before it.
 */
export type SurfaceEvent = (scene: Scene, rng: Rng, at: number) => NoiseDraft[];
