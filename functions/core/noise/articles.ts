import type { ArticleMeta } from "../incident.js";
import type { Rng } from "../random.js";
import type { Localized } from "../vocabulary.js";
import { expandPair } from "./grammar.js";
import { FESTIVAL_NAMES, festivalsNear, MENUS, THINGS, TOPICS, type Topic, topicsAt } from "./topics.js";
import type { NoiseDraft, Scene, SurfaceEvent } from "./types.js";

export interface WrittenArticle {
  title: Localized;
  paragraphs: Localized[];
  topic: string;
}

/**
 * A 公众号 article of the team's trade, written for its moment: the title and every paragraph come
 * from one topic (its keyword in both), and a festival topic only near its date. Incident articles
 * are written with this too, then carry their incident sentence, so no body or title shape belongs
 * to the incident alone.
 */
export function writeArticle(scene: Scene, rng: Rng, at: number): WrittenArticle {
  const moment = scene.momentAt(at);
  const fitting = topicsAt(scene.business, moment);
  const topic: Topic = fitting.length > 0 ? rng.pick(fitting) : rng.pick(TOPICS[scene.business]);
  const near = festivalsNear(moment);
  const fest = topic.festival
    ? FESTIVAL_NAMES[topic.festival]
    : near[0]
      ? (FESTIVAL_NAMES[near[0]] as Localized)
      : { zh: "节假日", en: "the holidays" };
  const values: Record<string, Localized> = {
    kw: topic.keyword,
    brand: scene.brand,
    thing: rng.pick(THINGS[scene.business]),
    menu: rng.pick(MENUS[scene.business]),
    n: { zh: String(rng.int(3, 7)), en: String(rng.int(3, 7)) },
    fest,
    date: dateIn(moment, rng.int(1, 5)),
  };
  // One number for the whole article in both languages.
  values.n = { zh: values.n?.zh ?? "3", en: values.n?.zh ?? "3" };
  const write = (t: Localized): Localized => {
    const e = expandPair(t, rng);
    const fill = (text: string, lang: "zh" | "en") =>
      text.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name]?.[lang] ?? whole);
    return { zh: fill(e.zh, "zh"), en: fill(e.en, "en") };
  };
  const title = write(rng.pick(topic.titles));
  const hook = write(rng.pick(topic.hooks));
  const points = rng.sample(topic.points, rng.int(2, Math.min(5, topic.points.length))).map(write);
  const paragraphs = [hook, ...points];
  // Many posts end on the practical part: a date, a price, a time, a count.
  if (rng.chance(0.55)) paragraphs.push(closing(scene, rng, moment));
  return { title, paragraphs, topic: topic.id };
}

function closing(scene: Scene, rng: Rng, m: { month: number; day: number }): Localized {
  const day = Math.min(28, m.day + rng.int(1, 6));
  const month = m.month;
  const en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1];
  const price = rng.pick([9.9, 19.9, 29, 39, 49, 59, 99, 129, 199]);
  const hour = rng.int(9, 21);
  const seats = rng.int(2, 20) * 10;
  return expandPair(
    rng.pick([
      {
        zh: `[活动时间|报名时间]：${month}月${m.day}日—${month}月${day}日，[名额|数量]有限，先到先得。`,
        en: `[Runs|Sign-up runs] ${en} ${m.day}–${en} ${day}; [places|stock] limited, first come first served.`,
      },
      {
        zh: `[点击|戳]“阅读原文”[领取|可领]${price}元[体验券|专属券]，${month}月${day}日前有效。`,
        en: `[Tap|Hit] "Read more" to [claim|get] a ¥${price} [trial voucher|voucher], valid until ${en} ${day}.`,
      },
      {
        zh: `[今晚|本周五] ${hour}:00 直播，[想听的|感兴趣的]朋友[记得预约|提前预约]。`,
        en: `Live at ${hour}:00 [tonight|this Friday]; [if you're interested|want to join], [book a seat|book ahead].`,
      },
      {
        zh: `本期[只开|开放] ${seats} 个名额，[报满即止|满了就截止]，[详情|有问题]可以[私信|留言]${scene.brand.zh}。`,
        en: `Only ${seats} places this round, [closing when full|first come]; [message|leave a comment for] ${scene.brand.en} [for details|with questions].`,
      },
    ]),
    rng,
  );
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date a few days after the moment, as a post writes it. */
function dateIn(m: { month: number; day: number }, ahead: number): Localized {
  const day = Math.min(28, m.day + ahead);
  return { zh: `${m.month}月${day}日`, en: `${MONTHS_EN[m.month - 1]} ${day}` };
}

/** Reads grow with an article's age; a draft or a scheduled post has none yet. */
function metaFor(at: number, rng: Rng, status: ArticleMeta["status"]): ArticleMeta {
  if (status === "draft" || status === "scheduled") return { reads: 0, status };
  const hours = Math.max(0, -at / 3_600);
  const audience = rng.int(300, 6_000);
  const share = Math.min(1, 0.08 + hours / 48);
  return { reads: Math.round(audience * share * (0.6 + rng.int(0, 80) / 100)), status };
}

/**
 * One push (群发) of the account: one to four articles at once, as the backend list shows them.
 * Now and then a draft or a post scheduled for later sits in the list too.
 */
export const articlesEvent: SurfaceEvent = (scene, rng, at) => {
  const count = rng.pick([1, 1, 1, 2, 2, 3, 4]);
  const out: NoiseDraft[] = [];
  for (let i = 0; i < count; i++) {
    const article = writeArticle(scene, rng, at);
    const roll = rng.int(0, 99);
    const status: ArticleMeta["status"] = roll < 6 ? "draft" : roll < 10 ? "scheduled" : "sent";
    out.push({
      at,
      kind: "article",
      title: article.title,
      paragraphs: article.paragraphs,
      text: article.paragraphs[0] as Localized,
      article: metaFor(at, rng, status),
    });
  }
  return out;
};
