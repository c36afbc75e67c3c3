import type { ArticleMeta, FeedItem, Incident, Person } from "./incident.js";
import type { DrillMarks, TimelineRecord } from "./ports.js";
import type { Localized, Surface } from "./vocabulary.js";

/** What a responder sees of an item: no hint of whether it is the incident or noise. */
export interface SandboxItem {
  id: string;
  /** Seconds from injection (negative: history that was already there). */
  offset: number;
  /** Epoch ms when the item appeared (or would have, for history). */
  at: number;
  surface: Surface;
  kind: FeedItem["kind"];
  author?: { id: string; name: Localized; staff: boolean; removed: boolean };
  text: Localized;
  title?: Localized;
  paragraphs?: Localized[];
  card?: { name: Localized; note: Localized };
  /** For articles: what the 公众号 backend list shows (阅读 count, status). */
  article?: ArticleMeta;
  deleted: boolean;
  flagged: boolean;
}

export interface SandboxPage {
  items: SandboxItem[];
  /** Pass back as `after` to receive only newer items (polling). */
  cursor: number;
  more: boolean;
}

const DELETING = new Set(["delete_post", "delete_comment"]);

/** Ids of the removal notices the sandbox synthesises; never a target of a flag or an action. */
export const REMOVAL_NOTICE_PREFIX = "rm-";

/** Roles that are never in the group chat: the client talks in their own DM, the system and editors elsewhere. */
const OUTSIDE_GROUP = new Set(["client", "system", "editor"]);

interface Marks {
  deleted: Set<string>;
  flagged: Set<string>;
  /** Person id → when the team first removed them (epoch ms). */
  removedAt: Map<string, number>;
}

/**
 * What the team has done to the sandbox by `now`: from the drill's own marks (what the service keeps
 * as it goes, so a poll never reads the timeline), or worked out from a timeline (tests, replays).
 */
function marks(source: readonly TimelineRecord[] | DrillMarks | undefined, now: number): Marks {
  const out: Marks = { deleted: new Set(), flagged: new Set(), removedAt: new Map() };
  if (source === undefined) return out;
  if (!Array.isArray(source)) {
    const kept = source as DrillMarks;
    for (const id of kept.flagged) out.flagged.add(id);
    for (const id of kept.deleted) out.deleted.add(id);
    for (const [id, at] of Object.entries(kept.removedAt)) if (at <= now) out.removedAt.set(id, at);
    return out;
  }
  for (const entry of source as readonly TimelineRecord[]) {
    if (entry.at > now) continue;
    for (const id of entry.targets ?? []) {
      if (DELETING.has(entry.action)) out.deleted.add(id);
      if (entry.action === "flag") out.flagged.add(id);
      if (entry.action === "remove_member") {
        const earlier = out.removedAt.get(id);
        if (earlier === undefined || entry.at < earlier) out.removedAt.set(id, entry.at);
      }
    }
  }
  return out;
}

/** A member of the sandbox group chat, as its member list shows them. */
export interface GroupMember {
  id: string;
  name: Localized;
  staff: boolean;
  removed: boolean;
  /** Epoch ms of the revealed join notice; null for someone who was in the group before the drill. */
  joinedAt: number | null;
}

/**
 * Who is in the group chat: staff, members who were there before the drill (no join notice) and
 * everyone whose join notice has been revealed by `elapsed` seconds, in the order they arrived.
 */
function groupPeople(incident: Incident, elapsed: number): { person: Person; joinedOffset: number | null }[] {
  const joins = new Map<string, number>();
  const inGroup = new Set<string>();
  for (const item of incident.items) {
    if (item.surface !== "group_chat" || !item.authorId) continue;
    if (item.kind === "join") {
      if (!joins.has(item.authorId)) joins.set(item.authorId, item.at);
    } else inGroup.add(item.authorId);
  }
  const out: { person: Person; joinedOffset: number | null }[] = [];
  for (const person of incident.people) {
    if (OUTSIDE_GROUP.has(person.role)) continue;
    const joined = joins.get(person.id);
    if (joined !== undefined) {
      if (joined <= elapsed) out.push({ person, joinedOffset: joined });
    } else if (person.role === "staff" || inGroup.has(person.id)) {
      out.push({ person, joinedOffset: null });
    }
  }
  // Staff first, then the members who were there, then newcomers by arrival.
  const rank = (x: (typeof out)[number]) =>
    x.joinedOffset === null ? (x.person.role === "staff" ? 0 : 1) : 2;
  return out
    .map((x, index) => ({ x, index }))
    .sort(
      (a, b) =>
        rank(a.x) - rank(b.x) || (a.x.joinedOffset ?? 0) - (b.x.joinedOffset ?? 0) || a.index - b.index,
    )
    .map(({ x }) => x);
}

/**
 * The group chat's member list as it stands `now`: never the client; `count` is who is still in the
 * group. Pure, like the feed: a function of the incident, the timeline and the time.
 */
export function groupMembers(
  incident: Incident,
  injectedAt: number,
  now: number,
  timeline: readonly TimelineRecord[] | DrillMarks | undefined,
): { items: GroupMember[]; count: number } {
  const elapsed = Math.floor((now - injectedAt) / 1000);
  const { removedAt } = marks(timeline, now);
  const items = groupPeople(incident, elapsed).map(({ person, joinedOffset }) => ({
    id: person.id,
    name: person.name,
    staff: person.role === "staff",
    removed: removedAt.has(person.id),
    joinedAt: joinedOffset === null ? null : injectedAt + joinedOffset * 1000,
  }));
  return { items, count: items.filter((m) => !m.removed).length };
}

/** The notice a group chat shows when the team removes a member. */
function removalNotice(person: Person, at: number, injectedAt: number): FeedItem & { atMs: number } {
  return {
    id: `${REMOVAL_NOTICE_PREFIX}${person.id}`,
    at: Math.floor((at - injectedAt) / 1000),
    atMs: at,
    surface: "group_chat",
    kind: "notice",
    text: {
      zh: `“${person.name.zh}”已被移出群聊`,
      en: `"${person.name.en}" was removed from the group`,
    },
    origin: { noise: "group_chat" },
  };
}

/**
 * The sandbox as it stands `now`: items revealed so far (by the scenario's own clock, from the real
 * injection time), marked with what the team has done to them, and the group chat's removal notices
 * at the moment each member was removed. Pure; the caller supplies the time.
 *
 * The cursor counts the incident's items; a removal notice sits after the last item revealed before
 * it, and a page read with `after` equal to that item repeats the notice (same id), so a poller never
 * misses one.
 */
export function sandbox(
  incident: Incident,
  injectedAt: number,
  now: number,
  timeline: readonly TimelineRecord[] | DrillMarks | undefined,
  query: { surface?: Surface; after?: number; limit: number },
): SandboxPage {
  const elapsed = Math.floor((now - injectedAt) / 1000);
  const { deleted, flagged, removedAt } = marks(timeline, now);
  const people = new Map(incident.people.map((p) => [p.id, p]));
  type Row = { item: FeedItem; index: number; notice: boolean; atMs: number };
  const rows: Row[] = incident.items
    .map((item, index) => ({ item, index, notice: false, atMs: injectedAt + item.at * 1000 }))
    .filter(({ item }) => item.at <= elapsed);
  if (!query.surface || query.surface === "group_chat") {
    const present = groupPeople(incident, elapsed);
    const notices: Row[] = [];
    for (const { person } of present) {
      const at = removedAt.get(person.id);
      if (at === undefined) continue;
      const notice = removalNotice(person, at, injectedAt);
      // After every item revealed by the moment of removal.
      let anchor = -1;
      for (const row of rows) if (row.item.at <= notice.at) anchor = row.index;
      notices.push({ item: notice, index: anchor, notice: true, atMs: notice.atMs });
    }
    rows.push(...notices);
    rows.sort((a, b) => a.index - b.index || Number(a.notice) - Number(b.notice) || a.atMs - b.atMs);
  }
  const visible = rows
    .filter(({ item }) => !query.surface || item.surface === query.surface)
    .filter(
      ({ index, notice }) =>
        query.after === undefined || (notice ? index >= query.after : index > query.after),
    );
  const page = visible.slice(0, query.limit);
  const lastItem = page.filter((r) => !r.notice).at(-1);
  return {
    items: page.map(({ item, atMs }) => {
      const person = item.authorId ? people.get(item.authorId) : undefined;
      const out: SandboxItem = {
        id: item.id,
        offset: item.at,
        at: atMs,
        surface: item.surface,
        kind: item.kind,
        text: item.text,
        deleted: deleted.has(item.id),
        flagged: flagged.has(item.id),
      };
      if (person) {
        // A raider looks like any other member: telling them apart is the drill.
        out.author = {
          id: person.id,
          name: person.name,
          staff: person.role === "staff",
          removed: removedAt.has(person.id),
        };
      }
      if (item.title) out.title = item.title;
      if (item.paragraphs) out.paragraphs = item.paragraphs;
      if (item.card) out.card = item.card;
      if (item.article) out.article = item.article;
      return out;
    }),
    cursor: Math.max(lastItem ? lastItem.index : -1, query.after ?? -1),
    more: visible.length > page.length,
  };
}

/**
 * The ids that name no item or person of this incident, as revealed by `elapsed` seconds. The
 * sandbox's own removal notices (`rm-…`) are not the incident's items, so they are refused too.
 */
export function unknownTargets(incident: Incident, ids: readonly string[], elapsed: number): string[] {
  const known = new Set<string>();
  for (const item of incident.items) {
    if (item.at > elapsed) continue;
    known.add(item.id);
    if (item.authorId) known.add(item.authorId);
  }
  return ids.filter((id) => id.startsWith(REMOVAL_NOTICE_PREFIX) || !known.has(id));
}
