import { memoize } from "../memo.js";
import type { Rng } from "../random.js";
import type { Localized } from "../vocabulary.js";

/**
 * A slot grammar, written inline in a template:
 * - `[a|b|c]` picks one alternative (alternatives may be empty, `[，|]`, and may nest); a bracket
 *   without a bar is literal text, so WeChat tags such as `[图片]` or `[抱拳]` stay as written;
 * - `<rule>` expands a named rule of the bank, itself a list of templates;
 * - `{name}` placeholders are left as they are, for `fill()` to replace later.
 *
 * Both languages of a pair are expanded with the same choices: the Chinese draws, the English
 * replays them, so "[早|早上好]" beside "[Morning|Good morning]" stay translations of each other.
 * A pair whose two sides have different shapes still expands; the English then draws afresh where
 * the replayed choice does not fit.
 */
export type Rules = Readonly<Record<string, readonly Localized[]>>;

const MAX_DEPTH = 12;

interface Choices {
  rng: Rng;
  /** Choices made so far (the Chinese side), replayed in order for the English side. */
  tape: number[];
  replay: boolean;
  cursor: number;
}

function choose(c: Choices, count: number): number {
  if (count <= 1) return 0;
  if (c.replay) {
    const recorded = c.tape[c.cursor++];
    if (recorded !== undefined && recorded < count) return recorded;
    return c.rng.int(0, count - 1);
  }
  const picked = c.rng.int(0, count - 1);
  c.tape.push(picked);
  return picked;
}

/** Splits `a|b|[c|d]` on its top-level bars. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === "|" && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i;
  }
  return -1;
}

/**
 * A template parsed once: literal runs, choices, literal brackets and rule references. Drills draw
 * the same few thousand templates millions of times, and parsing each draw again cost more than the
 * rest of the generator together; the parsed form replays exactly the same choices.
 */
type Part =
  | string
  | { readonly alts: readonly Seq[] }
  | { readonly literal: Seq }
  | { readonly rule: string; readonly raw: string };
type Seq = readonly Part[];

const RULE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function parse(text: string): Seq {
  if (!text.includes("[") && !text.includes("<")) return text ? [text] : [];
  const out: Part[] = [];
  let run = "";
  const flush = () => {
    if (run) out.push(run);
    run = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "[") {
      const end = closing(text, i);
      if (end < 0) throw new Error(`unclosed [ in grammar: ${text}`);
      const alts = alternatives(text.slice(i + 1, end));
      flush();
      // A bracket with no bar is text, not a choice: WeChat's [图片], [抱拳], [Thumbs up].
      if (alts.length === 1) out.push({ literal: compiled(alts[0] as string) });
      else out.push({ alts: alts.map(compiled) });
      i = end + 1;
    } else if (ch === "<") {
      const end = text.indexOf(">", i);
      const name = end > 0 ? text.slice(i + 1, end) : "";
      if (!RULE_NAME.test(name)) {
        // Not a rule reference ("<3", "a < b"): literal text.
        run += ch;
        i++;
        continue;
      }
      flush();
      out.push({ rule: name, raw: text.slice(i, end + 1) });
      i = end + 1;
    } else {
      run += ch;
      i++;
    }
  }
  flush();
  return out;
}

// Templates come from the banks and the catalog (a few thousand); filled texts never reach here.
const compiled = memoize(20_000, parse);

function walk(seq: Seq, lang: "zh" | "en", rules: Rules, c: Choices, depth: number, text: string): string {
  if (depth > MAX_DEPTH) throw new Error(`grammar nests deeper than ${MAX_DEPTH}: ${text.slice(0, 60)}`);
  let out = "";
  for (const part of seq) {
    if (typeof part === "string") out += part;
    else if ("alts" in part)
      out += walk(part.alts[choose(c, part.alts.length)] as Seq, lang, rules, c, depth + 1, text);
    else if ("literal" in part) out += `[${walk(part.literal, lang, rules, c, depth + 1, text)}]`;
    else {
      const rule = rules[part.rule];
      if (!rule) {
        // A name the bank does not define is text: "<b>" stays "<b>".
        out += part.raw;
        continue;
      }
      const entry = (rule[choose(c, rule.length)] as Localized)[lang];
      out += walk(compiled(entry), lang, rules, c, depth + 1, entry);
    }
  }
  return out;
}

function expandOne(text: string, lang: "zh" | "en", rules: Rules, c: Choices, depth: number): string {
  return walk(compiled(text), lang, rules, c, depth, text);
}

/** Expands one template in one language. */
export function expand(template: string, rng: Rng, rules: Rules = {}): string {
  return expandOne(template, "zh", rules, { rng, tape: [], replay: false, cursor: 0 }, 0);
}

/** Expands a pair with shared choices, so the two languages say the same thing. */
export function expandPair(template: Localized, rng: Rng, rules: Rules = {}): Localized {
  const c: Choices = { rng, tape: [], replay: false, cursor: 0 };
  const zh = expandOne(template.zh, "zh", rules, c, 0);
  c.replay = true;
  const en = expandOne(template.en, "en", rules, c, 0);
  return { zh, en };
}

/** Picks one template of a list and expands it: the usual way to draw a line of a kind. */
export function draw(templates: readonly Localized[], rng: Rng, rules: Rules = {}): Localized {
  const index = rng.int(0, templates.length - 1);
  return expandPair(templates[index] as Localized, rng, rules);
}

/**
 * How many distinct lines a list of templates can produce (ignoring `{placeholders}`), counted
 * exactly, saturating at `cap`: the variety a bank promises, for its tests.
 */
export function realisations(templates: readonly Localized[], rules: Rules = {}, cap = 1e9): number {
  const memo = new Map<string, number>();
  const countText = (text: string, depth: number): number => {
    if (depth > MAX_DEPTH) return 1;
    let total = 1;
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === "[") {
        const end = closing(text, i);
        if (end < 0) return total;
        const alts = alternatives(text.slice(i + 1, end));
        total *= alts.reduce((sum, a) => sum + countText(a, depth + 1), 0);
        i = end + 1;
      } else if (ch === "<") {
        const end = text.indexOf(">", i);
        const name = end > 0 ? text.slice(i + 1, end) : "";
        const rule = rules[name];
        if (!rule) {
          i++;
          continue;
        }
        let n = memo.get(name);
        if (n === undefined) {
          memo.set(name, 1);
          n = rule.reduce((sum, r) => sum + countText(r.zh, depth + 1), 0);
          memo.set(name, n);
        }
        total *= n;
        i = end + 1;
      } else i++;
      if (total > cap) return cap;
    }
    return Math.min(total, cap);
  };
  return Math.min(
    cap,
    templates.reduce((sum, t) => sum + countText(t.zh, 0), 0),
  );
}
