import { generate } from "./generator.js";
import type { FeedItem, Incident } from "./incident.js";
import { memoize } from "./memo.js";
import type { Scenario } from "./scenario.js";

/**
 * What makes one incident different from another, leaving out the background noise (which alone
 * would make every seed distinct and hide a scenario that always plays out the same way). This is
 * the replay identity: any change of parameter, name or time shows.
 */
export function incidentSignature(incident: Incident): string {
  const names = new Map(incident.people.map((p) => [p.id, p.name.zh]));
  const stimuli = incident.items
    .filter((it) => "stimulus" in it.origin)
    .map((it) => [
      it.at,
      it.surface,
      it.kind,
      it.authorId ? names.get(it.authorId) : "",
      it.text.zh,
      it.paragraphs?.map((p) => p.zh),
    ]);
  return JSON.stringify([incident.params, stimuli]);
}

const BUILT_INS = ["brand", "group", "client", "staff"] as const;
const NOT_WORDS = /[\p{N}\p{P}\p{S}\p{Z}\s]+/gu;
// Drills repeat their everyday texts; stripping one costs more than finding it again.
const strip = memoize(50_000, (text) => text.normalize("NFKC").toLowerCase().replace(NOT_WORDS, ""));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Strips what a renamed copy of the same line changes: every person's name, the team's brand, group,
 * client and staff, all digits, whitespace and punctuation. Two texts that differ only in who and
 * how many normalise the same, which is how a team that has played a few drills remembers them.
 * Names are stripped the same way first, so "小雨3" (a numbered nickname) goes as "小雨".
 */
export function textNormalizer(incident: Incident): (text: string) => string {
  const names = new Set<string>();
  const add = (value: unknown) => {
    if (value && typeof value === "object" && "zh" in value && "en" in value) {
      for (const name of [(value as { zh: string }).zh, (value as { en: string }).en]) {
        const bare = strip(name);
        if (bare) names.add(bare);
      }
    }
  };
  for (const p of incident.people) add(p.name);
  for (const key of BUILT_INS) add(incident.params[key]);
  // Longest first, so "李老师助教" goes before "李老师" and leaves nothing behind; one alternation
  // removes them all in a pass (a loop over every name for every text was most of an adversary run).
  const ordered = [...names].sort((a, b) => b.length - a.length);
  const anyName = ordered.length > 0 ? new RegExp(ordered.map(escapeRegExp).join("|"), "gu") : undefined;
  // A drill repeats its texts (paragraphs, join notices); each is normalised once.
  const done = new Map<string, string>();
  return (text) => {
    let out = done.get(text);
    if (out === undefined) {
      out = strip(text);
      // Removing one name can join two halves into another ("王李老师老师"): repeat until stable.
      if (anyName) for (let prev = ""; prev !== out; ) [prev, out] = [out, out.replace(anyName, "")];
      done.set(text, out);
    }
    return out;
  };
}

/** The visible texts of an item a responder reads (Chinese): text, title, card, paragraphs. */
export function itemTexts(item: FeedItem): string[] {
  const out = [item.text.zh];
  if (item.title) out.push(item.title.zh);
  if (item.card) out.push(item.card.name.zh, item.card.note.zh);
  for (const p of item.paragraphs ?? []) out.push(p.zh);
  return out;
}

/**
 * The incident's own texts with names and numbers normalised away: what the team would have to
 * recognise. Two seeds that only rename the raiders or change the amount give the same figure.
 */
export function incidentTextSignature(incident: Incident): string {
  const normalize = textNormalizer(incident);
  const detection = new Set(incident.detection.itemIds);
  const texts = incident.items
    .filter((it) => detection.has(it.id))
    .map((it) => itemTexts(it).map(normalize).join("¦"));
  return JSON.stringify(texts);
}

/**
 * How many of `seeds` consecutive seeds give distinct incident texts once names and numbers are
 * normalised away: a "distinct incident" is one a team has not read before, not a renamed copy.
 */
export function variety(scenario: Scenario, seeds: number, from = 0): { distinct: number; total: number } {
  const seen = new Set<string>();
  for (let seed = from; seed < from + seeds; seed++)
    seen.add(incidentTextSignature(generate(scenario, seed)));
  return { distinct: seen.size, total: seeds };
}
