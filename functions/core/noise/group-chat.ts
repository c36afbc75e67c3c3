import type { Person } from "../incident.js";
import type { Rng } from "../random.js";
import type { Localized } from "../vocabulary.js";
import { expandPair, type Rules } from "./grammar.js";
import { staffTitle, TRADE_ROLES, tradeName } from "./names.js";
import { CHAT_TOPICS, type ChatTopic } from "./topics-chat.js";
import type { LocalMoment, NoiseDraft, Scene, SurfaceEvent } from "./types.js";

export { memberNickname } from "./names.js";

const L = (zh: string, en: string): Localized => ({ zh, en });

/** Shared rules; a business adds `task`, `thing`, `live`, `share`. */
const base: Rules = {
  emo: [
    L("[抱拳]", "[Fist salute]"),
    L("[强]", "[Thumbs up]"),
    L("[玫瑰]", "[Rose]"),
    L("[捂脸]", "[Facepalm]"),
    L("[偷笑]", "[Snicker]"),
    L("[愉快]", "[Smile]"),
    L("[可怜]", "[Puppy eyes]"),
    L("[呲牙]", "[Grin]"),
    L("[爱心]", "[Heart]"),
    L("", ""),
  ],
  endq: [
    L("？", "?"),
    L("？？", "??"),
    L("？？？", "???"),
    L("？[可怜]", "? [Puppy eyes]"),
    L("？[捂脸]", "? [Facepalm]"),
  ],
  bang: [L("！", "!"), L("！！", "!!"), L("！！！", "!!!"), L("～", "~"), L("", "")],
  open: [
    L("", ""),
    L("请问", "Quick question: "),
    L("姐妹们，", "Ladies, "),
    L("问一下，", "Just asking, "),
    L("有没有人知道，", "Does anyone know: "),
    L("打扰一下，", "Sorry to bother you, "),
    L("各位，", "Everyone, "),
  ],
  ackw: [
    L("收到", "Got it"),
    L("收到收到", "Got it got it"),
    L("好的", "OK"),
    L("+1", "+1"),
    L("收到啦", "Got it"),
    L("好嘞", "Righto"),
    L("OK", "OK"),
    L("明白", "Understood"),
    L("知道了", "Noted"),
    L("收到，谢谢", "Got it, thanks"),
    L("已收到", "Received"),
    L("收到，辛苦了", "Got it, thanks for the work"),
    L("收到[OK]", "Got it [OK]"),
    L("好的好的", "OK OK"),
    L("嗯嗯收到", "Mm, got it"),
    L("收到，马上去", "Got it, on my way"),
    L("了解", "Understood"),
    L("OK的", "OK then"),
    L("好滴", "Okie"),
    L("收到，谢谢提醒", "Got it, thanks for the reminder"),
  ],
  laugh: [
    L("哈哈哈哈", "Hahaha"),
    L("哈哈哈哈哈笑死", "Hahahaha I'm dying"),
    L("真的假的", "Seriously?"),
    L("同款", "Same here"),
    L("太真实了", "So true"),
    L("确实", "True"),
    L("我也是", "Me too"),
    L("羡慕", "Jealous"),
    L("+1", "+1"),
    L("笑不活了", "Can't stop laughing"),
    L("啊这", "Uh…"),
    L("有道理", "Fair point"),
    L("哈哈哈你也太逗了", "Haha you're hilarious"),
    L("说到心坎里了", "You said it"),
    L("我家也这样", "Same at ours"),
    L("懂你", "I get you"),
    L("可不是嘛", "Isn't it just"),
    L("一样一样", "Exactly the same"),
    L("太好了", "Great"),
    L("心疼", "Aw, poor you"),
  ],
  place: [
    L("群公告", "the group notice"),
    L("群文件", "the group files"),
    L("群相册", "the group album"),
    L("小程序", "the mini-program"),
  ],
  when: [
    L("今晚8点", "8 tonight"),
    L("今晚7点半", "7:30 tonight"),
    L("明晚8点", "8 tomorrow night"),
    L("周六上午10点", "Saturday 10 am"),
    L("今天下午3点", "3 this afternoon"),
    L("周日晚上8点", "Sunday 8 pm"),
  ],
  weather: [
    L("今天好冷", "So cold today"),
    L("外面下雨了", "It's raining out"),
    L("今天太阳好好", "Lovely sun today"),
    L("降温了", "It's got colder"),
    L("风好大", "So windy"),
    L("今天好闷", "So muggy today"),
  ],
  weatherTail: [
    L("，大家出门多穿点", ", wrap up if you go out"),
    L("，记得带伞", ", take an umbrella"),
    L("，适合晒被子", ", good day to air the duvets"),
    L("", ""),
    L("[捂脸]", " [Facepalm]"),
    L("，出门冻成狗", ", froze on my way out"),
  ],
  life: [
    L("今天加班到现在才到家", "Just got home from overtime"),
    L("娃终于睡了", "Kid's finally asleep"),
    L("刚下班，路上堵死了", "Just off work, traffic was awful"),
    L("今天带娃去了公园", "Took the kid to the park today"),
    L("中午吃了个麻辣烫", "Had malatang for lunch"),
    L("刚买完菜回来", "Just back from grocery shopping"),
    L("快递终于到了", "My parcel finally came"),
    L("今天发工资了", "Payday today"),
    L("楼下新开了家面包店", "A new bakery opened downstairs"),
    L("刚去医院复查完", "Just back from a check-up"),
  ],
  lifeTail: [
    L("", ""),
    L("，累瘫", ", exhausted"),
    L("，开心", ", happy"),
    L("[捂脸]", " [Facepalm]"),
    L("[呲牙]", " [Grin]"),
    L("，你们呢", ", you?"),
    L("，有点累但值得", ", tired but worth it"),
  ],
  file: [
    L("课程讲义", "course handout"),
    L("打卡表", "check-in sheet"),
    L("第{n}期资料", "issue {n} materials"),
    L("群规", "group rules"),
    L("课表", "timetable"),
    L("复习清单", "revision checklist"),
  ],
  article: [
    L("冬天这样做，比什么都强", "Do this in winter, it beats everything"),
    L("90%的人都做错了", "90% of people get this wrong"),
    L("一篇讲透", "All you need to know"),
    L("新手必看", "A must-read for beginners"),
    L("坚持一个月，变化太大了", "One month in, what a change"),
    L("收藏！", "Save this!"),
  ],
  fromWhere: [
    L("我在别的群看到的", "I saw this in another group"),
    L("朋友转给我的", "A friend sent me this"),
    L("分享一下", "Sharing this"),
    L("觉得挺有用", "Thought it was useful"),
    L("大家可以看看", "Worth a look"),
    L("转发一下", "Passing this on"),
  ],
};

const MORNING = [
  L("早上好[太阳]", "Good morning [Sun]"),
  L("早安，大家", "Morning, everyone"),
  L("早[愉快]", "Morning [Smile]"),
  L("早呀，今天也加油", "Morning, let's go today"),
  L("大家早上好<bang>", "Good morning, all<bang>"),
];
const FORENOON = [
  L("大家好<emo>", "Hi everyone<emo>"),
  L("上午好<bang>", "Good morning<bang>"),
  L("忙完一阵，来群里看看", "Busy morning, popping into the group"),
];
const NOON = [
  L("中午好，大家吃饭了吗", "Afternoon, have you all eaten?"),
  L("午饭时间到<bang>", "Lunch time<bang>"),
  L("中午好[愉快]", "Hello at lunchtime [Smile]"),
];
const AFTERNOON = [
  L("下午好<bang>", "Good afternoon<bang>"),
  L("下午犯困，来群里看看", "Sleepy afternoon, popping into the group"),
  L("下午好，喝杯茶提提神", "Good afternoon, a cup of tea to wake up"),
];
const EVENING = [
  L("晚上好<bang>", "Good evening<bang>"),
  L("大家晚上好[愉快]", "Evening, everyone [Smile]"),
  L("晚饭吃完了，来群里冒个泡", "Dinner done, popping up in the group"),
];
const LATE = [
  L("晚安<emo>", "Good night<emo>"),
  L("大家晚安，明天见", "Night all, see you tomorrow"),
  L("睡了睡了，晚安", "Off to bed, night"),
  L("晚安，好梦", "Night, sweet dreams"),
];
const NIGHT = [
  L("还没睡？", "Still up?"),
  L("宝宝又醒了[捂脸]", "Baby's up again [Facepalm]"),
  L("失眠了，有人吗", "Can't sleep, anyone around?"),
  L("刚喂完奶，刷一下群", "Just finished a feed, scrolling the group"),
  L("加班到现在，终于忙完了", "Worked till now, finally done"),
  L("怎么这个点还有人在", "Who's still here at this hour"),
  L("睡不着<emo>", "Can't sleep<emo>"),
  L("夜班刚下，看到群里消息", "Just off the night shift, saw the messages"),
];
const NIGHT_REPLY = [
  L("我也没睡[捂脸]", "Me neither [Facepalm]"),
  L("早点睡吧", "Get some sleep"),
  L("同款夜猫子", "Fellow night owl"),
  L("抱抱，辛苦了", "Hugs, hang in there"),
];

/** The ordinary things members ask about, answered in the same event. Topic-neutral but on the group's business. */
const GENERIC_QA: readonly { q: Localized; a: readonly Localized[]; staff?: boolean }[] = [
  {
    q: L("<open>今天的<task>在哪里交<endq>", "<open>where do we hand in today's <task><endq>"),
    a: [
      L("在<place>里，点进去就能交", "In <place>, tap in and hand it in"),
      L("我刚交完，<place>里有入口", "Just did mine, the entry's in <place>"),
    ],
  },
  {
    q: L("<open><when>的直播讲<live>吗<endq>", "<open>is <when>'s live about <live><endq>"),
    a: [
      L(
        "对的，<when>我们讲<live>，我会提前10分钟开播<emo>",
        "Yes, <when> we cover <live>, I'll open the room 10 minutes early<emo>",
      ),
      L("是的，我已经定好闹钟了", "Yes, I've already set an alarm"),
    ],
    staff: true,
  },
  {
    q: L("<open>上次的回放在哪看<endq>", "<open>where's the replay from last time<endq>"),
    a: [
      L("回放我放在<place>了，7天内都能看<emo>", "I put the replay in <place>, it's up for 7 days<emo>"),
      L("<place>里有，我昨天刚看完", "It's in <place>, I watched it yesterday"),
    ],
    staff: true,
  },
  {
    q: L(
      "<open>我的<thing>还没到，[是不是漏发了|什么时候发货]<endq>",
      "<open>my <thing> hasn't arrived, [was it missed|when does it ship]<endq>",
    ),
    a: [
      L("@{member} 我帮你查一下物流，稍等哈", "@{member} let me check the tracking for you, one sec"),
      L(
        "@{member} 查到了，昨天已经发出，明天能到<emo>",
        "@{member} found it, it went out yesterday and arrives tomorrow<emo>",
      ),
    ],
    staff: true,
  },
  {
    q: L(
      "<open>有人用过[这个|群里推荐的]<thing>吗，[好用吗|值得买吗]<endq>",
      "<open>has anyone used [this|the group's recommended] <thing>, [any good|worth it]<endq>",
    ),
    a: [
      L("我用了[一个月|两周]了，[挺好的|还不错]", "Been using it [a month|two weeks], [pretty good|not bad]"),
      L("[还行|一般]，看个人需要吧", "[It's OK|So-so], depends what you need"),
    ],
  },
  {
    q: L(
      "<open>新来的，<task>要每天都[做|打卡]吗<endq>",
      "<open>I'm new, does the <task> have to be [done|checked in] every day<endq>",
    ),
    a: [
      L(
        "欢迎<emo>是的，每天一次，漏了可以第二天补",
        "Welcome<emo> yes, once a day; you can make it up the next day",
      ),
      L("每天都要，我一般睡前弄", "Every day, I do mine before bed"),
    ],
    staff: true,
  },
  {
    q: L(
      "<open>直播[卡了|进不去]，[是我网不好吗|有人一样吗]<endq>",
      "<open>the live [is lagging|won't load], [is it my connection|anyone else]<endq>",
    ),
    a: [
      L("退出重进一下试试，我这边看是正常的", "Try leaving and rejoining, it looks normal on my end"),
      L("我刚才也卡了一下，现在好了", "Mine lagged too, fine now"),
    ],
    staff: true,
  },
];

interface Ctx {
  scene: Scene;
  rng: Rng;
  topic: ChatTopic;
  rules: Rules;
  moment: LocalMoment;
}

// The grammar keeps a bracket without a bar as text, so WeChat's tags ([抱拳], [图片]) need no escaping.
const rulesCache = new Map<string, Rules>();
function rulesFor(scene: Scene): Rules {
  const cached = rulesCache.get(scene.business);
  if (cached) return cached;
  const t = CHAT_TOPICS[scene.business];
  const r: Rules = { ...base, task: t.task, thing: t.thing, live: t.live, share: t.share };
  rulesCache.set(scene.business, r);
  return r;
}

function line(c: Ctx, template: Localized, vars: Record<string, Localized> = {}): Localized {
  const out = expandPair(template, c.rng, c.rules);
  const n = String(c.rng.int(2, 28));
  const fill = (text: string, lang: "zh" | "en") =>
    text.replace(/\{(\w+)\}/g, (m, k: string) => (k === "n" ? n : (vars[k]?.[lang] ?? m)));
  return dress(c, { zh: fill(out.zh, "zh"), en: fill(out.en, "en") });
}

const member = (c: Ctx): Person => c.rng.pick(c.scene.members);
const staffer = (c: Ctx): Person => c.rng.pick(c.scene.staff);
function another(c: Ctx, not: Person): Person {
  for (let i = 0; i < 4; i++) {
    const p = member(c);
    if (p.id !== not.id) return p;
  }
  return member(c);
}
const msg = (at: number, who: Person, text: Localized, kind: NoiseDraft["kind"] = "message"): NoiseDraft => ({
  at,
  kind,
  authorId: who.id,
  text,
});

const PREFIX = [
  L("哈哈，", "Haha, "),
  L("对了，", "Oh, and "),
  L("话说", "By the way, "),
  L("嗯嗯，", "Mm, "),
  L("诶，", "Hey, "),
  L("那个，", "Um, "),
  L("刚看到，", "Just saw this: "),
  L("不好意思，", "Sorry, "),
  L("哈喽，", "Hello, "),
  L("我说一下，", "Just saying: "),
];
const SUFFIX = [
  "[捂脸]",
  "[呲牙]",
  "[强]",
  "[玫瑰]",
  "[偷笑]",
  "[愉快]",
  "[可怜]",
  "[爱心]",
  "[抱拳]",
  "[OK]",
  "[耶]",
  "[握手]",
  "[微笑]",
  "～",
  "😂",
  "🙏",
  "👍",
  "😊",
];
const SUFFIX_EN = [
  "[Facepalm]",
  "[Grin]",
  "[Thumbs up]",
  "[Rose]",
  "[Snicker]",
  "[Smile]",
  "[Puppy eyes]",
  "[Heart]",
  "[Fist salute]",
  "[OK]",
  "[Yeah!]",
  "[Shake]",
  "[Smile]",
  "~",
  "😂",
  "🙏",
  "👍",
  "😊",
];

/** How people really type: an opener now and then, an emoji or a tilde at the end. */
function dress(c: Ctx, text: Localized, staff = false): Localized {
  let { zh, en } = text;
  if (/^\[(图片|视频|文件|聊天记录|红包|语音|链接|动画表情)\]/.test(zh)) return text;
  if (
    !staff &&
    zh.length > 6 &&
    !/^([[【@]|请问|姐妹们|问一下|有没有人|打扰一下|各位)/.test(zh) &&
    c.rng.chance(0.35)
  ) {
    const p = c.rng.pick(PREFIX);
    zh = p.zh + zh;
    en = p.en + en.charAt(0).toLowerCase() + en.slice(1);
  }
  if (c.rng.chance(staff ? 0.3 : 0.65)) {
    const i = c.rng.int(0, SUFFIX.length - 1);
    zh += SUFFIX[i];
    en += `${/[\]~]$/.test(en) ? "" : " "}${SUFFIX_EN[i]}`;
  }
  return { zh, en };
}

function greetingBank(m: LocalMoment): readonly Localized[] {
  if (m.hour < 6) return NIGHT;
  if (m.hour < 10) return MORNING;
  if (m.hour < 11) return FORENOON;
  if (m.hour < 14) return NOON;
  if (m.hour < 18) return AFTERNOON;
  if (m.hour < 22) return EVENING;
  return LATE;
}

function night(c: Ctx, at: number): NoiseDraft[] {
  const who = member(c);
  const out = [msg(at, who, line(c, c.rng.pick(NIGHT)))];
  if (c.rng.chance(0.25))
    out.push(msg(at + c.rng.int(30, 600), another(c, who), line(c, c.rng.pick(NIGHT_REPLY))));
  return out;
}

function qa(c: Ctx, at: number): NoiseDraft[] {
  const asker = member(c);
  const who = { member: asker.name };
  const useOwn = c.rng.chance(0.5);
  const entry = useOwn ? c.rng.pick(c.topic.qa) : c.rng.pick(GENERIC_QA);
  const out = [msg(at, asker, line(c, entry.q, who))];
  let t = at;
  const count = c.rng.int(1, Math.min(3, entry.a.length + 1));
  for (let i = 0; i < count; i++) {
    t += c.rng.int(8, 240);
    const fromStaff = i === 0 ? ("staff" in entry && entry.staff) || c.rng.chance(0.55) : c.rng.chance(0.2);
    const answer = i === 0 || i === 1 ? (entry.a[i] as Localized) : c.rng.pick(entry.a);
    const text =
      i === 2
        ? c.rng.pick([
            L("谢谢<emo>", "Thanks<emo>"),
            L("懂了，谢谢大家<emo>", "Got it, thanks all<emo>"),
            L("好的，我试试", "OK, I'll try"),
          ])
        : answer;
    const author = i === 2 ? asker : fromStaff ? staffer(c) : another(c, asker);
    const said = line(c, text, who);
    if (i < 2 && author.id !== asker.id && !said.zh.startsWith("@") && c.rng.chance(0.45)) {
      said.zh = `@${asker.name.zh} ${said.zh}`;
      said.en = `@${asker.name.en} ${said.en}`;
    }
    out.push(msg(t, author, said));
  }
  return out;
}

const NOTICES = [
  L(
    "【通知】<when>直播<live>，我会提前10分钟开播，大家定好闹钟<bang>",
    "[Notice] Live on <live> <when>; I'll open 10 minutes early, set your alarms<bang>",
  ),
  L(
    "【提醒】今天的<task>还没交的同学抓紧哦，今晚12点前<bang>",
    "[Reminder] If you haven't done today's <task>, please hurry, before midnight<bang>",
  ),
  L(
    "【福利】本周<task>全勤的同学，我们送一份<thing><bang>",
    "[Perk] Full <task> attendance this week earns a <thing> from us<bang>",
  ),
  L(
    "【通知】回放已经放在<place>了，有效期7天，没看的抓紧<bang>",
    "[Notice] The replay is in <place>, up for 7 days; catch it if you missed it<bang>",
  ),
  L(
    "【重要】我们只会在群里发通知，不会私加大家要钱，有人私聊请告诉我<bang>",
    "[Important] We only post notices here and never add you privately asking for money; tell me if someone DMs you<bang>",
  ),
  L(
    "【提醒】<thing>已经陆续发货了，单号我发在<place>，有问题直接@我",
    "[Reminder] The <thing> orders are shipping; tracking numbers are in <place>, @ me with any problem",
  ),
  L(
    "【群规】请大家不要发广告和二维码，发了我会先移出群，谢谢配合[抱拳]",
    "[Rules] No ads or QR codes please; I'll remove anyone who posts them, thanks [Fist salute]",
  ),
];

function noticeChain(c: Ctx, at: number): NoiseDraft[] {
  const s = staffer(c);
  const out = [msg(at, s, line(c, c.rng.pick(NOTICES)), c.rng.chance(0.3) ? "notice" : "message")];
  let t = at;
  const n = c.rng.int(1, 5);
  for (let i = 0; i < n; i++) {
    t += c.rng.int(5, 120);
    const ack = line(c, L("<ackw><emo>", "<ackw><emo>"));
    if (c.rng.chance(0.2)) {
      ack.zh += `，谢谢${s.name.zh}`;
      ack.en += `, thanks ${s.name.en}`;
    }
    out.push(msg(t, member(c), ack));
  }
  return out;
}

const STAFF_LINES = [
  L("今天<task>的同学好多，给大家点个赞<emo>", "So many of you did the <task> today, well done<emo>"),
  L(
    "我把今天的<task>要点整理好了，放在<place>，大家有空看看",
    "I've put today's <task> notes in <place>, have a look when you can",
  ),
  L(
    "刚才有同学私信问我<live>的问题，我统一说一下：先把基础打牢，别急",
    "Someone messaged me about <live>, so for everyone: get the basics solid first, no rush",
  ),
  L(
    "<when>我们讲<live>，有想问的可以先在群里留言，我直播时一起答",
    "<when> we cover <live>; leave your questions here and I'll answer them live",
  ),
  L(
    "我看了大家交的<task>，进步很明显[！|！！|，]有几个共性问题我晚点发语音说",
    "I've looked at your <task>, clear progress[!|!!|,] I'll send a voice note on a few common issues later",
  ),
  L(
    "@{member} 你的<task>我看了，整体不错，注意一下细节就更好了",
    "@{member} I looked at your <task>, good overall, mind the details and it'll be even better",
  ),
  L(
    "今天有点忙，回复慢了，大家的问题我都记着的<emo>",
    "Busy day, sorry for slow replies, I've noted all your questions<emo>",
  ),
  L(
    "<thing>补货到了，之前登记过的我们按顺序发，不用重复下单",
    "The <thing> is back in stock; we'll ship in order to everyone who signed up, no need to reorder",
  ),
];

function staffLine(c: Ctx, at: number): NoiseDraft[] {
  return [msg(at, staffer(c), line(c, c.rng.pick(STAFF_LINES), { member: member(c).name }))];
}

const MEDIA = [
  L("[图片]", "[Photo]"),
  L("[图片]", "[Photo]"),
  L("[视频]", "[Video]"),
  L('[语音] {sec}"', '[Voice] {sec}"'),
  L("[文件] <file>.pdf", "[File] <file>.pdf"),
  L("[聊天记录]", "[Chat history]"),
  L("[红包] 恭喜发财，大吉大利", "[Red packet] Best wishes and good fortune"),
  L("[链接] 《<article>》", '[Link] "<article>"'),
  L("[动画表情]", "[Sticker]"),
];
const MEDIA_SAY = [
  L("<fromWhere>", "<fromWhere>"),
  L("今天的<task><emo>", "Today's <task><emo>"),
  L("交作业<emo>", "Homework in<emo>"),
  L("大家看看我这个<task>行不行", "Is my <task> OK? Have a look"),
  L("刚才说的资料", "The materials I mentioned"),
  L("谢谢老板<emo>", "Thanks boss<emo>"),
  L("手慢了[捂脸]", "Too slow<emo>"),
];

function media(c: Ctx, at: number): NoiseDraft[] {
  const byStaff = c.rng.chance(0.3);
  const who = byStaff ? staffer(c) : member(c);
  const tag = c.rng.int(0, MEDIA.length - 1);
  const sec = L(String(c.rng.int(2, 59)), "");
  sec.en = sec.zh;
  const out = [msg(at, who, line(c, MEDIA[tag] as Localized, { sec }))];
  if (tag === 6) {
    // a red packet: grabs and thanks
    let t = at;
    for (let i = c.rng.int(1, 4); i > 0; i--) {
      t += c.rng.int(2, 40);
      out.push(
        msg(
          t,
          member(c),
          line(
            c,
            c.rng.pick([
              L("谢谢<emo>", "Thanks<emo>"),
              L("谢谢老板", "Thanks boss"),
              L("手慢了[捂脸]", "Too slow [Facepalm]"),
              L("抢到了[呲牙]", "Got one [Grin]"),
            ]),
          ),
        ),
      );
    }
  } else if (c.rng.chance(0.55)) {
    const says = byStaff
      ? [MEDIA_SAY[0], MEDIA_SAY[4], L("今天的课件，大家先看一下", "Today's slides, have a look first")]
      : MEDIA_SAY.slice(0, 5);
    out.push(msg(at + c.rng.int(1, 30), who, line(c, c.rng.pick(says as Localized[]))));
  }
  if (c.rng.chance(0.3) && tag !== 6)
    out.push(
      msg(
        at + c.rng.int(30, 200),
        another(c, who),
        line(
          c,
          c.rng.pick([
            L("收到<emo>", "Got it<emo>"),
            L("好的，谢谢分享", "Thanks for sharing"),
            L("<laugh>", "<laugh>"),
            L("太棒了<emo>", "Great<emo>"),
          ]),
        ),
      ),
    );
  return out;
}

const CARDS = [
  {
    name: L("快递小哥-[中通|圆通|顺丰]", "Courier - [ZTO|YTO|SF]"),
    note: L("小区快递，送货上门", "Estate deliveries to your door"),
    says: L(
      "有人问快递的，这是我们小区的快递小哥",
      "Someone asked about deliveries, this is our estate courier",
    ),
  },
  {
    name: L("甜心烘焙-<given>", "Sweetheart Bakery - <given>"),
    note: L("生日蛋糕定制", "Custom birthday cakes"),
    says: L("这家的蛋糕真的好吃，推荐给大家", "Their cakes are really good, recommending them"),
  },
  {
    name: L("张老师-数学家教", "Ms Zhang - maths tutor"),
    note: L("初高中数学一对一", "One-to-one secondary maths"),
    says: L(
      "有家长问家教，这是我家孩子的数学老师，人很负责",
      "A parent asked about tutors, this is my kid's maths teacher, very conscientious",
    ),
  },
  {
    name: L("<insurer>-<surname>顾问", "<insurer> - Advisor <surname>"),
    note: L("车险·医疗险咨询", "Car and health insurance"),
    says: L(
      "上次问车险的那位，这是我家亲戚，可以问问",
      "For whoever asked about car insurance, this is my relative, ask away",
    ),
  },
  {
    name: L("家电维修-<surname>师傅", "Appliance repair - Master <surname>"),
    note: L("空调冰箱洗衣机上门维修", "Home repair: AC, fridge, washer"),
    says: L("修洗衣机的师傅，价格公道", "The washing-machine repair guy, fair prices"),
  },
  {
    name: L("<surname>阿姨-家政", "Auntie <surname> - housekeeping"),
    note: L("保洁 做饭 钟点工", "Cleaning, cooking, hourly help"),
    says: L("有人要找阿姨吗，这位做得很干净", "Anyone need a helper? She's very thorough"),
  },
];
const rulesWithNames: Rules = {
  given: [L("小芳", "Fang"), L("阿珍", "Ah Zhen"), L("Coco", "Coco"), L("小雅", "Ya")],
  surname: [L("王", "Wang"), L("李", "Li"), L("刘", "Liu"), L("陈", "Chen"), L("赵", "Zhao"), L("孙", "Sun")],
  insurer: [L("平安保险", "Ping An Insurance"), L("中国人寿", "China Life"), L("太平洋保险", "CPIC")],
};
/** What a member says when forwarding the card of someone of the group's own trade they trust. */
const TRADE_REFERRALS: readonly Localized[] = [
  L(
    "推荐一下我一直找的这位{role}，挺靠谱的，需要的可以加",
    "Recommending the {role} I always go to, very reliable, add her if you need",
  ),
  L(
    "上次有人问{role}，我认识这位，名片发一下",
    "Someone asked about a {role} last time, I know this one, here's the card",
  ),
  L("这是我朋友，做{role}好多年了<emo>", "This is my friend, a {role} for years<emo>"),
];

function card(c: Ctx, at: number): NoiseDraft[] {
  const who = member(c);
  if (c.rng.chance(0.2)) {
    // A trade contact a member trusts carries the same titles a raid's bait accounts use.
    const role = c.rng.pick(TRADE_ROLES[c.scene.business]);
    const holder = tradeName(c.rng, role);
    const says = line(c, c.rng.pick(TRADE_REFERRALS), { role });
    const note = c.rng.chance(0.5) ? role : { zh: `${role.zh}｜个人工作室`, en: `${role.en} - own studio` };
    return [{ at, kind: "card", authorId: who.id, text: says, card: { name: holder, note } }];
  }
  if (c.rng.chance(0.4)) {
    const s = staffer(c);
    const role = staffTitle(s.name);
    const says = line(
      c,
      c.rng.pick([
        L(
          "有新同学问找谁，这是我们的官方老师，有问题找她就行",
          "A newcomer asked who to contact: this is our official teacher, ask her",
        ),
        L("转一下老师的名片，刚进群的可以加一下", "Forwarding the teacher's card, newcomers can add her"),
        L(
          "这是我们群的<emo>其他人私加的都不是",
          "This is our group's real one<emo> anyone else adding you privately isn't",
        ),
      ]),
    );
    return [
      {
        at,
        kind: "card",
        authorId: who.id,
        text: says,
        card: {
          name: s.name,
          note: { zh: `${c.scene.brand.zh}·${role.zh}`, en: `${c.scene.brand.en} · ${role.en}` },
        },
      },
    ];
  }
  const k = c.rng.pick(CARDS);
  const r = { ...c.rules, ...rulesWithNames };
  return [
    {
      at,
      kind: "card",
      authorId: who.id,
      text: dress(c, expandPair(k.says, c.rng, r)),
      card: { name: expandPair(k.name, c.rng, r), note: expandPair(k.note, c.rng, r) },
    },
  ];
}

const GREET = [
  L("大家好，新人报到[抱拳]", "Hi all, newcomer here [Fist salute]"),
  L("大家好<emo>", "Hello everyone<emo>"),
  L("新人报到，请多关照", "New here, nice to meet you"),
  L("刚看完直播进来的，大家好", "Just joined after the livestream, hi all"),
  L("扫码进来的，请问在哪看课", "Came in via the QR code, where do I watch the classes?"),
  L("我是看<live>那场直播进来的<emo>", "I came in from the livestream on <live><emo>"),
];
const WELCOME = [
  L(
    "欢迎新朋友<emo>群公告里有入群须知，先看一下哦",
    "Welcome, new friends<emo> the group notice has the basics, have a read",
  ),
  L("欢迎欢迎<emo>", "Welcome welcome<emo>"),
  L("欢迎<emo>有问题随时@我", "Welcome<emo> @ me any time"),
];

function joinWave(c: Ctx, at: number): NoiseDraft[] {
  const out: NoiseDraft[] = [];
  const n = c.rng.int(2, 6);
  const byStaff = c.rng.chance(0.5);
  const inviter = byStaff ? staffer(c) : undefined;
  const comers: Person[] = [];
  let t = at;
  for (let i = 0; i < n; i++) {
    const p = c.scene.newMember(c.rng);
    comers.push(p);
    const text =
      inviter && c.rng.chance(0.8)
        ? {
            zh: `“${inviter.name.zh}”邀请“${p.name.zh}”加入了群聊`,
            en: `"${inviter.name.en}" invited "${p.name.en}" to the group chat`,
          }
        : {
            zh: `“${p.name.zh}”通过扫描二维码加入了群聊`,
            en: `"${p.name.en}" joined the group chat by scanning a QR code`,
          };
    out.push({ at: t, kind: "join", authorId: p.id, text });
    t += c.rng.int(1, 15);
  }
  if (c.rng.chance(0.6)) out.push(msg(t + c.rng.int(10, 90), staffer(c), line(c, c.rng.pick(WELCOME))));
  for (const p of comers)
    if (c.rng.chance(0.35)) out.push(msg(t + c.rng.int(20, 300), p, line(c, c.rng.pick(GREET))));
  return out.sort((a, b) => a.at - b.at);
}

function greeting(c: Ctx, at: number): NoiseDraft[] {
  const m = c.moment;
  let bank = greetingBank(m);
  if (m.holiday && c.rng.chance(0.6))
    bank = [
      L(`${m.holiday.zh}快乐<bang><emo>`, `Happy ${m.holiday.en}<bang><emo>`),
      L(
        `祝大家${m.holiday.zh}快乐，阖家幸福`,
        `Happy ${m.holiday.en} everyone, all the best to your families`,
      ),
    ];
  else if (m.upcoming && c.rng.chance(0.4))
    bank = [
      L(
        `还有${m.upcoming.inDays}天就${m.upcoming.name.zh}了，大家有什么安排<endq>`,
        `${m.upcoming.inDays} days to ${m.upcoming.name.en}, any plans<endq>`,
      ),
      L(
        `${m.upcoming.name.zh}快到了，[要回老家了|准备带娃出去玩]`,
        `${m.upcoming.name.en} is nearly here, [heading home|taking the kids out]`,
      ),
    ];
  else if ((m.weekday === 0 || m.weekday === 6) && m.hour >= 8 && c.rng.chance(0.3))
    bank = [
      L("周末愉快<emo>", "Happy weekend<emo>"),
      L("周末了，[睡到自然醒|带娃出去玩了]", "Weekend, [slept in|out with the kids]"),
    ];
  else if (m.weekday === 1 && m.hour < 12 && c.rng.chance(0.3))
    bank = [L("周一了，打起精神<bang>", "Monday, let's perk up<bang>")];
  const who = member(c);
  const out = [msg(at, who, line(c, c.rng.pick(bank)))];
  if (c.rng.chance(0.4)) out.push(msg(at + c.rng.int(20, 300), another(c, who), line(c, c.rng.pick(bank))));
  return out;
}

function smallTalk(c: Ctx, at: number): NoiseDraft[] {
  const who = member(c);
  const opener = c.rng.chance(0.5)
    ? L("<weather><weatherTail>", "<weather><weatherTail>")
    : L("<life><lifeTail>", "<life><lifeTail>");
  const out = [msg(at, who, line(c, opener))];
  let t = at;
  for (let i = c.rng.int(1, 3); i > 0; i--) {
    t += c.rng.int(10, 300);
    out.push(msg(t, another(c, who), line(c, L("<laugh><emo>", "<laugh><emo>"))));
  }
  return out;
}

const SHARE_LONG = [
  L(
    "<share>。说真的，刚开始我也[没什么信心|觉得坚持不下来]，[是看到群里大家每天都在打卡|是老师一直鼓励我]才慢慢跟上的，现在[已经成习惯了|一天不做反而难受]，[谢谢大家|感谢老师]<emo>",
    "<share>. Honestly, at first I [had no confidence|didn't think I'd last], it was [seeing everyone check in here every day|the teacher's constant encouragement] that got me going; now [it's a habit|I feel off if I skip a day], [thanks all|thank you, teacher]<emo>",
  ),
  L("<share>", "<share>"),
  L("<share><emo>", "<share><emo>"),
  L("打卡<emo><share>", "Check-in<emo> <share>"),
];
const WORRY = [
  L(
    "刚才有人私加我说是<brand>的老师，要我交钱进VIP群，[哪个是真老师啊|这是骗子吧]？？",
    "Someone just added me privately claiming to be a <brand> teacher, asking me to pay for a VIP group, [which one's the real teacher|is this a scam]??",
  ),
  L(
    "我的<thing>[等了一周|好几天]还没到，[有点着急|怎么回事啊]",
    "My <thing> has been [a week|days] and still hasn't come, [getting worried|what's going on]",
  ),
  L(
    "朋友圈看到一个广告也叫这个名字，是咱们家的吗？感觉有点像骗子",
    "Saw an ad in Moments with this name, is it ours? Looks a bit scammy",
  ),
  L(
    "说实话这两次的<live>我没怎么听懂[捂脸]，是不是我基础太差了",
    "Honestly I didn't really follow the last two sessions on <live> <emo>, is my foundation too weak?",
  ),
  L(
    "<thing>收到的时候有点问题，[包装破了|少了一件]，找谁处理<endq>",
    "My <thing> arrived with a problem, [the packaging was torn|one item was missing], who handles that<endq>",
  ),
];
const WORRY_REPLY = [
  L(
    "@{member} 不是我们的，我们不会私加收费，你直接拉黑举报就行，谢谢提醒<emo>",
    "@{member} that's not us, we never charge through private adds; block and report it, and thanks for flagging<emo>",
  ),
  L(
    "@{member} 不好意思，我马上帮你查，私信我一下订单号",
    "@{member} sorry about that, let me look right away, DM me the order number",
  ),
  L(
    "@{member} 别着急，你把问题发我，我们一起看看",
    "@{member} no worries, send me the details and we'll look together",
  ),
];

function worry(c: Ctx, at: number): NoiseDraft[] {
  const who = member(c);
  const vars = { member: who.name, brand: c.scene.brand };
  const r = { ...c.rules, brand: [c.scene.brand] };
  const q = dress(c, expandPair(c.rng.pick(WORRY), c.rng, r));
  const out = [msg(at, who, q)];
  let t = at + c.rng.int(30, 400);
  if (c.rng.chance(0.4)) {
    out.push(
      msg(
        t,
        another(c, who),
        line(
          c,
          c.rng.pick([
            L("我也遇到过", "Happened to me too"),
            L("+1，我也想问", "+1, I wanted to ask too"),
            L("小心点，最近这种很多", "Careful, lots of that lately"),
          ]),
        ),
      ),
    );
    t += c.rng.int(20, 300);
  }
  out.push(msg(t, staffer(c), line(c, c.rng.pick(WORRY_REPLY), vars)));
  return out;
}

function share(c: Ctx, at: number): NoiseDraft[] {
  const who = member(c);
  const out = [msg(at, who, line(c, c.rng.pick(SHARE_LONG)))];
  if (c.rng.chance(0.45))
    out.push(
      msg(
        at + c.rng.int(20, 400),
        c.rng.chance(0.4) ? staffer(c) : another(c, who),
        line(
          c,
          c.rng.pick([
            L("太棒了<emo>", "Brilliant<emo>"),
            L("坚持就是胜利<emo>", "Keep it up<emo>"),
            L("厉害厉害", "Impressive"),
            L("<laugh>", "<laugh>"),
            L("向你学习<emo>", "Learning from you<emo>"),
          ]),
        ),
      ),
    );
  return out;
}

function shortOne(c: Ctx, at: number): NoiseDraft[] {
  return [
    msg(
      at,
      member(c),
      line(
        c,
        c.rng.pick([
          L("好", "OK"),
          L("嗯嗯", "Mm"),
          L("<laugh>", "<laugh>"),
          L("<ackw><emo>", "<ackw><emo>"),
          L("[强][强]", "[Thumbs up][Thumbs up]"),
          L("谢谢老师<emo>", "Thank you, teacher<emo>"),
        ]),
      ),
    ),
  ];
}

const KINDS: readonly [number, (c: Ctx, at: number) => NoiseDraft[]][] = [
  [22, qa],
  [12, smallTalk],
  [9, noticeChain],
  [9, staffLine],
  [13, media],
  [6, card],
  [5, joinWave],
  [7, greeting],
  [5, worry],
  [9, share],
  [3, shortOne],
];
const TOTAL = KINDS.reduce((s, [w]) => s + w, 0);

/** One event of the group chat at `at`: a line, a question and its answers, a notice and its acks, a wave of newcomers… */
export const groupChatEvent: SurfaceEvent = (scene, rng, at) => {
  const moment = scene.momentAt(at);
  const c: Ctx = { scene, rng, topic: CHAT_TOPICS[scene.business], rules: rulesFor(scene), moment };
  if (moment.hour < 6) return night(c, at);
  let roll = rng.int(0, TOTAL - 1);
  for (const [w, f] of KINDS) {
    if (roll < w) return f(c, at);
    roll -= w;
  }
  return share(c, at);
};
