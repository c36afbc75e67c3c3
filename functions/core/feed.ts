import type { FeedItem, Incident } from "./incident.js";
import type { TimelineRecord } from "./ports.js";
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

/**
 * The sandbox as it stands `now`: items revealed so far (by the scenario's own clock, from the real
 * injection time), marked with what the team has done to them. Pure; the caller supplies the time.
 */
export function sandbox(
  incident: Incident,
  injectedAt: number,
  now: number,
  timeline: readonly TimelineRecord[],
  query: { surface?: Surface; after?: number; limit: number },
): SandboxPage {
  const elapsed = Math.floor((now - injectedAt) / 1000);
  const deleted = new Set<string>();
  const removed = new Set<string>();
  const flagged = new Set<string>();
  for (const entry of timeline) {
    for (const id of entry.targets ?? []) {
      if (DELETING.has(entry.action)) deleted.add(id);
      if (entry.action === "remove_member") removed.add(id);
      if (entry.action === "flag") flagged.add(id);
    }
  }
  const people = new Map(incident.people.map((p) => [p.id, p]));
  const visible = incident.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.at <= elapsed && (!query.surface || item.surface === query.surface))
    .filter(({ index }) => query.after === undefined || index > query.after);
  const page = visible.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ item }) => {
      const person = item.authorId ? people.get(item.authorId) : undefined;
      const out: SandboxItem = {
        id: item.id,
        offset: item.at,
        at: injectedAt + item.at * 1000,
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
          removed: removed.has(person.id),
        };
      }
      if (item.title) out.title = item.title;
      if (item.paragraphs) out.paragraphs = item.paragraphs;
      if (item.card) out.card = item.card;
      return out;
    }),
    cursor: last ? last.index : (query.after ?? -1),
    more: visible.length > page.length,
  };
}

/** Whether every id names an item or a person of this incident, as revealed by `elapsed` seconds. */
export function unknownTargets(incident: Incident, ids: readonly string[], elapsed: number): string[] {
  const known = new Set<string>();
  for (const item of incident.items) {
    if (item.at > elapsed) continue;
    known.add(item.id);
    if (item.authorId) known.add(item.authorId);
  }
  return ids.filter((id) => !known.has(id));
}
