import type { Rng } from "../random.js";
import type { Localized } from "../vocabulary.js";
import { expandPair } from "./grammar.js";
import type { LocalMoment, NoiseDraft, Scene, SurfaceEvent } from "./types.js";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Exchange {
  /** What the client writes. */
  ask: Localized;
  /** What the team's staff answer, if they do (the reply follows what was asked). */
  answers: readonly Localized[];
}

/**
 * The client's everyday work with the team: drafts, data, schedules, files. Some sound urgent and
 * are not: urgency alone never marks the incident. `{d}` a date, `{t}` a time, `{n}` a number, `{p}`
 * a percentage, filled per message.
 */
const EXCHANGES: readonly Exchange[] = [
  {
    ask: {
      zh: "[下周的|这周的|{d}的]推文[选题|排期][发我看下|给我过一下|确认一下]？",
      en: "[Could you send me|Can I see|Please confirm] [next week's|this week's|the {d}] [topics|schedule]?",
    },
    answers: [
      {
        zh: "[好的|收到]，[下午|晚点]整理好[发您|给您]",
        en: "[Sure|Got it], I'll [send it|get it to you] [this afternoon|a bit later]",
      },
      {
        zh: "[已经发您邮箱了|刚发您邮箱]，[麻烦|辛苦]看下",
        en: "[Already in your inbox|Just emailed it], [please|do] take a look",
      },
    ],
  },
  {
    ask: {
      zh: "[上周|昨天那篇][数据|阅读量]怎么样？[我要|老板要]放[周报|月报]里",
      en: "How did [last week's|yesterday's] [numbers|reads] look? [I need them|My boss wants them] for the [weekly|monthly] report",
    },
    answers: [
      {
        zh: "阅读 {n}，[完读率|分享率] {p}%，[比上周高一点|和上周差不多]",
        en: "{n} reads, [{p}% read to the end|{p}% shared], [a bit up on last week|about the same as last week]",
      },
    ],
  },
  {
    ask: {
      zh: "[明早|{d}]{t}前能发吗？[领导想赶在活动前|活动那边催了]",
      en: "Can it go out before {t} [tomorrow morning|on {d}]? [My boss wants it before the event|The event team is asking]",
    },
    answers: [
      { zh: "[可以|没问题]，我们[定时|安排]在{t}", en: "[Yes|No problem], we'll [schedule|set] it for {t}" },
      {
        zh: "时间有点紧，[我先排上|先按{t}排]，素材[今晚|中午前]能给到吗？",
        en: "It's tight; [I'll book it in|I'll set {t} for now]. Can we have the assets [tonight|before noon]?",
      },
    ],
  },
  {
    ask: { zh: "[文件] 素材{n}.zip", en: "[File] assets{n}.zip" },
    answers: [{ zh: "收到，[我们看下|我这边下载了]", en: "Got it, [we'll take a look|downloading now]" }],
  },
  {
    ask: {
      zh: "[图片][这个|标题]我们[内部|老板]觉得[还能再改改|有点平]",
      en: "[Image][This one|The title] [feels a bit flat to us|could use another pass, says my boss]",
    },
    answers: [
      {
        zh: "好的，我们[再出两版|改两个方向]给您选",
        en: "Sure, we'll [do two more|try two directions] for you to pick",
      },
    ],
  },
  {
    ask: {
      zh: "[这个活动|{d}的活动]能[提前一天吗|往后挪两天吗]？",
      en: "Could [this campaign|the {d} campaign] [move a day earlier|slip by two days]?",
    },
    answers: [
      {
        zh: "可以的，[我们调一下排期|我改一下定时]，{t}前给您确认",
        en: "Yes, [we'll rework the schedule|I'll change the timer], confirming by {t}",
      },
    ],
  },
  {
    ask: {
      zh: "[粉丝|关注]这周涨了{n}，[挺好的|不错]，[继续保持|辛苦了]",
      en: "[Followers|Follows] up {n} this week, [nice|good work], [keep it up|thanks]",
    },
    answers: [{ zh: "谢谢[您|老师]，我们会继续努力[抱拳]", en: "Thank you, we'll keep at it [Fist salute]" }],
  },
  {
    ask: {
      zh: "[下个月|{d}起]预算[可能要调|会有变化]，[回头|改天]约个会聊聊？",
      en: "The budget [may change|is changing] [next month|from {d}]; [can we|shall we] set up a call?",
    },
    answers: [{ zh: "好的，[周三|周四]{t}您方便吗？", en: "Sure, does [Wednesday|Thursday] at {t} work?" }],
  },
  {
    ask: {
      zh: "刚看到[留言区|后台]有人问[发货|优惠券]的事，[你们|麻烦]回一下？",
      en: "Just saw someone in the [comments|inbox] asking about [shipping|the voucher]; [could you|please] reply?",
    },
    answers: [
      {
        zh: "[已经回了|在回了]，[是老问题|没什么大事]，放心",
        en: "[Already replied|On it], [it's a known one|nothing serious], don't worry",
      },
    ],
  },
  {
    ask: {
      zh: "[周报|月报]我看了，{p}%的[打开率|转化]比我预期[高|低]一点",
      en: "Read the [weekly|monthly] report; the {p}% [open rate|conversion] is a little [higher|lower] than I expected",
    },
    answers: [
      {
        zh: "[主要是|可能是]这周[推送时间|选题]的原因，[下周|之后]我们试试{t}发",
        en: "[Mostly|Probably] down to this week's [timing|topics]; [next week|from now on] we'll try {t}",
      },
    ],
  },
];

/** Late at night a client writes rarely, and then reads like it: short, apologetic, for the morning. */
const NIGHT: readonly Localized[] = [
  {
    zh: "[不好意思这么晚|这么晚打扰了]，[明天上班|明早]看一下{d}那篇的数据就行",
    en: "[Sorry it's so late|Sorry for the late message], just check the {d} post's numbers [in the morning|tomorrow]",
  },
  {
    zh: "[睡了吗|还没睡吧]？不急，明天[再说|回我]",
    en: "[Asleep?|Still up?] No rush, [tomorrow is fine|reply tomorrow]",
  },
];

function fill(text: Localized, m: LocalMoment, rng: Rng): Localized {
  const day = Math.min(28, m.day + rng.int(0, 6));
  const t = `${String(rng.int(8, 21)).padStart(2, "0")}:${rng.pick(["00", "30"])}`;
  const n = String(rng.int(120, 9_800));
  const p = String(rng.int(3, 38));
  const values: Record<string, Localized> = {
    d: { zh: `${m.month}月${day}日`, en: `${MONTHS_EN[m.month - 1]} ${day}` },
    t: { zh: t, en: t },
    n: { zh: n, en: n },
    p: { zh: p, en: p },
  };
  const one = (s: string, lang: "zh" | "en") =>
    s.replace(/\{([a-z])\}/g, (whole, k: string) => values[k]?.[lang] ?? whole);
  return { zh: one(text.zh, "zh"), en: one(text.en, "en") };
}

/** One message of the client, and the team's answer a few minutes later when there is one. */
export const clientDmEvent: SurfaceEvent = (scene: Scene, rng, at) => {
  const m = scene.momentAt(at);
  const night = m.hour < 7;
  if (night)
    return [
      { at, kind: "dm", authorId: scene.client.id, text: fill(expandPair(rng.pick(NIGHT), rng), m, rng) },
    ];
  const exchange = rng.pick(EXCHANGES);
  const out: NoiseDraft[] = [
    { at, kind: "dm", authorId: scene.client.id, text: fill(expandPair(exchange.ask, rng), m, rng) },
  ];
  const staff = scene.staff[0];
  if (staff && rng.chance(0.7)) {
    out.push({
      at: at + rng.int(60, 900),
      kind: "dm",
      authorId: staff.id,
      text: fill(expandPair(rng.pick(exchange.answers), rng), m, rng),
    });
  }
  return out;
};
