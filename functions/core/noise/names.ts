import { hash32, type Rng } from "../random.js";
import type { Localized } from "../vocabulary.js";
import { expandPair, type Rules } from "./grammar.js";
import type { Business } from "./types.js";

/**
 * WeChat-style nicknames of ordinary members, built by grammar. A realistic share of them (roughly
 * one in ten) carry 老师 / 顾问 / 助教 / 客服 / 官方-looking words for innocent reasons (a real
 * schoolteacher, an insurance agent, a yoga teacher, a neighbourhood group-buy helper), so a
 * nickname never tells who is a raider.
 *
 * Every rule lists its alternatives in the same order in both languages: the English side replays
 * the Chinese choices (see `expandPair`), and each template names its rules in the same order.
 */

const L = (zh: string, en: string): Localized => ({ zh, en });

const rules: Rules = {
  surname: [
    L("王", "Wang"),
    L("李", "Li"),
    L("张", "Zhang"),
    L("刘", "Liu"),
    L("陈", "Chen"),
    L("杨", "Yang"),
    L("赵", "Zhao"),
    L("黄", "Huang"),
    L("周", "Zhou"),
    L("吴", "Wu"),
    L("徐", "Xu"),
    L("孙", "Sun"),
    L("胡", "Hu"),
    L("朱", "Zhu"),
    L("高", "Gao"),
    L("林", "Lin"),
    L("何", "He"),
    L("郭", "Guo"),
    L("马", "Ma"),
    L("罗", "Luo"),
    L("梁", "Liang"),
    L("宋", "Song"),
    L("郑", "Zheng"),
    L("谢", "Xie"),
    L("韩", "Han"),
    L("唐", "Tang"),
    L("冯", "Feng"),
    L("许", "Xu"),
    L("邓", "Deng"),
    L("曹", "Cao"),
    L("彭", "Peng"),
    L("曾", "Zeng"),
    L("肖", "Xiao"),
    L("田", "Tian"),
    L("董", "Dong"),
    L("潘", "Pan"),
    L("袁", "Yuan"),
    L("蒋", "Jiang"),
    L("蔡", "Cai"),
    L("余", "Yu"),
  ],
  kid: [
    L("果果", "Guoguo"),
    L("豆豆", "Doudou"),
    L("乐乐", "Lele"),
    L("糖糖", "Tangtang"),
    L("朵朵", "Duoduo"),
    L("悠悠", "Youyou"),
    L("轩轩", "Xuanxuan"),
    L("浩浩", "Haohao"),
    L("甜甜", "Tiantian"),
    L("安安", "Anan"),
    L("萌萌", "Mengmeng"),
    L("宝宝", "Baobao"),
    L("阳阳", "Yangyang"),
    L("可可", "Keke"),
    L("多多", "Duoduo"),
    L("小米", "Xiaomi"),
    L("琪琪", "Qiqi"),
    L("航航", "Hanghang"),
    L("睿睿", "Ruirui"),
    L("涵涵", "Hanhan"),
    L("诺诺", "Nuonuo"),
    L("欣欣", "Xinxin"),
    L("一一", "Yiyi"),
    L("团团", "Tuantuan"),
    L("圆圆", "Yuanyuan"),
    L("皮皮", "Pipi"),
    L("丁丁", "Dingding"),
    L("球球", "Qiuqiu"),
    L("妞妞", "Niuniu"),
    L("天天", "Tiantian"),
    L("小宝", "Xiaobao"),
    L("大宝", "Dabao"),
    L("二宝", "Erbao"),
    L("芊芊", "Qianqian"),
    L("泽泽", "Zeze"),
    L("沐沐", "Mumu"),
    L("辰辰", "Chenchen"),
    L("依依", "Yiyi"),
    L("桐桐", "Tongtong"),
    L("橙橙", "Chengcheng"),
  ],
  parent: [
    L("妈妈", "'s mom"),
    L("妈", "'s mom"),
    L("麻麻", "'s mama"),
    L("爸爸", "'s dad"),
    L("爸", "'s dad"),
    L("老妈", "'s mum"),
  ],
  tag: [
    L("-团购", " (group buys)"),
    L("-二年级", " (Grade 2)"),
    L("-小班", " (nursery)"),
    L("-三班", " (Class 3)"),
    L("-北京", " (Beijing)"),
    L("-杭州", " (Hangzhou)"),
    L("-成都", " (Chengdu)"),
    L("-深圳", " (Shenzhen)"),
    L("-上海", " (Shanghai)"),
    L("-武汉", " (Wuhan)"),
    L("-宝妈", " (mom)"),
    L("-二胎", " (two kids)"),
    L("-代购", " (personal shopper)"),
    L("-微商", " (online seller)"),
    L("-1栋", " (Bldg 1)"),
    L("-8栋", " (Bldg 8)"),
    L("-12栋", " (Bldg 12)"),
    L("-3单元", " (Unit 3)"),
  ],
  given: [
    L("晴天", "Sunny"),
    L("阿杰", "AJ"),
    L("橙子", "Orange"),
    L("小雨", "Drizzle"),
    L("老刘", "Old Liu"),
    L("木子", "Muzi"),
    L("小胖", "Chubby"),
    L("大熊", "Big Bear"),
    L("阿福", "Afu"),
    L("小芳", "Fang"),
    L("老杨", "Old Yang"),
    L("花生米", "Peanut"),
    L("大米", "Rice"),
    L("薄荷", "Mint"),
    L("阿伟", "Awei"),
    L("晨曦", "Dawn"),
    L("笑笑", "Xiaoxiao"),
    L("米粒", "Little Grain"),
    L("苏苏", "Susu"),
    L("陈皮", "Chenpi"),
    L("小鱼儿", "Little Fish"),
    L("蓝莓酱", "Blueberry Jam"),
    L("芒果布丁", "Mango Pudding"),
    L("一只喵", "Just a Cat"),
    L("小太阳", "Little Sunshine"),
    L("山茶花", "Camellia"),
    L("阿May", "May"),
    L("小鹿", "Little Deer"),
    L("兔子", "Bunny"),
    L("西瓜", "Watermelon"),
    L("柚子", "Pomelo"),
    L("小熊饼干", "Teddy Biscuit"),
    L("奶茶", "Bubble Tea"),
    L("阿珍", "Ah Zhen"),
    L("阿强", "Ah Qiang"),
    L("小七", "Little Seven"),
    L("十一", "Eleven"),
    L("叶子", "Leaf"),
    L("麦兜", "McDull"),
    L("大白", "Baymax"),
  ],

  english: [
    L("Lily", "Lily"),
    L("Kevin", "Kevin"),
    L("Cathy", "Cathy"),
    L("Tina", "Tina"),
    L("Jason", "Jason"),
    L("Amanda", "Amanda"),
    L("Ivy", "Ivy"),
    L("Michelle", "Michelle"),
    L("Leo", "Leo"),
    L("Emma", "Emma"),
    L("David", "David"),
    L("Coco", "Coco"),
    L("Grace", "Grace"),
    L("Vivian", "Vivian"),
    L("Jack", "Jack"),
    L("Sunny", "Sunny"),
    L("Annie", "Annie"),
    L("Eric", "Eric"),
    L("Judy", "Judy"),
    L("Tony", "Tony"),
    L("Cindy", "Cindy"),
    L("Alex", "Alex"),
    L("Yoyo", "Yoyo"),
    L("Nancy", "Nancy"),
    L("Rain", "Rain"),
    L("Echo", "Echo"),
  ],
  slogan: [
    L("静待花开", "Waiting for Bloom"),
    L("阳光总在风雨后", "Sun After Rain"),
    L("知足常乐", "Content and Happy"),
    L("平安是福", "Peace Is Bliss"),
    L("清风徐来", "Gentle Breeze"),
    L("宁静致远", "Serene"),
    L("慢慢来", "Take It Slow"),
    L("坚持就是胜利", "Keep Going"),
    L("简单点", "Keep It Simple"),
    L("追光的人", "Light Chaser"),
    L("海阔天空", "Wide Open Sky"),
    L("岁月静好", "Quiet Years"),
    L("随遇而安", "Go with the Flow"),
    L("心若向阳", "Face the Sun"),
    L("一切随缘", "Let It Be"),
    L("好好生活", "Live Well"),
    L("努力搬砖", "Hard at Work"),
    L("今天也要加油", "Keep It Up Today"),
    L("风吹麦浪", "Wheat in the Wind"),
    L("梅子黄时雨", "Plum Rain"),
    L("拾光", "Time Collector"),
    L("奶茶续命", "Running on Bubble Tea"),
    L("吃不胖的猫", "The Cat Who Never Gets Fat"),
    L("不想上班", "Don't Want to Work"),
    L("早睡早起", "Early to Bed"),
    L("花开富贵", "Blossoms and Fortune"),
    L("家和万事兴", "Happy Home"),
    L("向日葵", "Sunflower"),
  ],
  emoji: [
    L("🌸", "🌸"),
    L("🍀", "🍀"),
    L("🌻", "🌻"),
    L("☀️", "☀️"),
    L("🌙", "🌙"),
    L("🐱", "🐱"),
    L("🍊", "🍊"),
    L("💕", "💕"),
    L("🌈", "🌈"),
    L("✨", "✨"),
  ],
  trade: [
    L("鲜花店", "Flower Shop"),
    L("水果店", "Fruit Shop"),
    L("美甲", "Nails"),
    L("房产经纪", "Realtor"),
    L("装修设计", "Interior Design"),
    L("二手车", "Used Cars"),
    L("烘焙工作室", "Home Bakery"),
    L("家政保洁", "Housekeeping"),
    L("摄影", "Photography"),
    L("茶叶", "Tea Leaves"),
    L("农家土鸡蛋", "Farm Eggs"),
    L("汽车美容", "Car Care"),
  ],
  subject: [
    L("初二数学", "Grade 8 maths"),
    L("小学语文", "primary Chinese"),
    L("高中物理", "high-school physics"),
    L("初中英语", "middle-school English"),
    L("幼儿园", "kindergarten"),
    L("小学美术", "primary art"),
    L("钢琴", "piano"),
    L("舞蹈", "dance"),
  ],
  insurer: [
    L("平安保险", "Ping An Insurance"),
    L("太平洋保险", "CPIC"),
    L("中国人寿", "China Life"),
    L("友邦", "AIA"),
    L("泰康", "Taikang"),
  ],
  lookalike: [
    L("<surname>老师-<subject>", "Teacher <surname> - <subject>"),
    L("<surname>老师（<subject>）", "Teacher <surname> (<subject>)"),
    L("<insurer>-<surname>顾问", "<insurer> - Advisor <surname>"),
    L("<insurer><surname>经理", "<insurer> Manager <surname>"),
    L("瑜伽老师<english>", "Yoga teacher <english>"),
    L("舞蹈老师-<given>", "Dance teacher <given>"),
    L("小区团购客服-<given>", "Estate group-buy helper <given>"),
    L("<trade>-<surname>客服", "<trade> - Support <surname>"),
    L("退休<surname>老师", "Retired teacher <surname>"),
    L("<surname>老师<emoji>", "Teacher <surname> <emoji>"),
    L("<english>老师", "Teacher <english>"),
    L("家教<surname>老师", "Tutor <surname>"),
    L("<surname>助教-<subject>", "TA <surname> - <subject>"),
    L("健康管理师<surname>姐", "Health coach Sister <surname>"),
    L("装修顾问小<surname>", "Renovation advisor <surname>"),
    L("<trade>官方店-<given>", "<trade> store - <given>"),
    L("驾校<surname>教练", "Driving instructor <surname>"),
    L("物业客服-<given>", "Property desk - <given>"),
    L("理财顾问<english>", "Financial advisor <english>"),
    L("<surname>医生", "Dr <surname>"),
  ],
};

const ELDERS = [
  L("姐", "Sister "),
  L("哥", "Brother "),
  L("阿姨", "Auntie "),
  L("叔", "Uncle "),
  L("大姐", "Big Sister "),
];
/** 王姐 is "Sister Wang": the English puts the word first, so each pair is built whole. */
const elderName: Localized[] = (rules.surname ?? []).flatMap((s) =>
  ELDERS.map((e) => L(s.zh + e.zh, e.en + s.en)),
);
const allRules: Rules = { ...rules, elderName };

/** Ordinary nicknames, by kind; `lookalike` carries the teacher-like words. */
const ordinary: readonly Localized[] = [
  L("<kid><parent>", "<kid><parent>"),
  L("<kid><parent><tag>", "<kid><parent><tag>"),
  L("<kid><parent><emoji>", "<kid><parent> <emoji>"),
  L("<given>", "<given>"),
  L("<given><emoji>", "<given> <emoji>"),
  L("<given><tag>", "<given><tag>"),
  L("<elderName>", "<elderName>"),
  L("<elderName><tag>", "<elderName><tag>"),
  L("<english><surname>", "<english> <surname>"),
  L("<english>", "<english>"),
  L("<english>_<given>", "<english>_<given>"),
  L("<slogan>", "<slogan>"),
  L("<emoji><slogan>", "<emoji> <slogan>"),
  L("<slogan><emoji>", "<slogan> <emoji>"),
  L("<trade>-<given>", "<trade> - <given>"),
  L("<trade><elderName>", "<trade> <elderName>"),
  L("小<surname>同学", "Student <surname>"),
  L("<surname><given>", "<surname> <given>"),
];

const businessFlavour: Partial<Record<Business, readonly Localized[]>> = {
  fitness: [L("减脂中的<given>", "<given>, cutting"), L("<given>-跑步", "<given> (running)")],
  parenting: [L("<kid><parent>-新手", "<kid><parent> (first-timer)")],
  tea: [L("爱喝茶的<given>", "<given> who loves tea")],
  cooking: [L("厨房小白<given>", "Kitchen newbie <given>")],
  reading: [L("每天读书的<given>", "<given> who reads daily")],
  yoga: [L("<given>在练瑜伽", "<given> doing yoga")],
  produce: [L("吃货<given>", "Foodie <given>")],
  flowers: [L("爱花的<given>", "<given> who loves flowers")],
  calligraphy: [L("练字的<given>", "<given> practising calligraphy")],
};

/** The share of members whose innocent nickname looks teacher- or official-like. */
export const LOOKALIKE_SHARE = 0.11;

/** One member's WeChat-style nickname, in zh and a readable English rendering. */
export function memberNickname(rng: Rng, business: Business): Localized {
  if (rng.chance(LOOKALIKE_SHARE)) return expandPair(rng.pick(rules.lookalike ?? []), rng, allRules);
  const flavour = businessFlavour[business];
  const templates = flavour && rng.chance(0.08) ? flavour : ordinary;
  const name = expandPair(rng.pick(templates), rng, allRules);
  return { zh: name.zh, en: name.en.replace(/^'s /, "") };
}

/** Words that make a nickname look teacher-like or official (for tests and heuristics). */
export const TEACHER_LIKE = /老师|顾问|助教|客服|官方|教练|经理|医生/;

/**
 * The titles people of each trade really carry on their cards. Raiders' bait accounts take them,
 * and so do the staff and the trade contacts members forward in ordinary chat, so a title alone
 * never gives a raider away.
 */
export const TRADE_ROLES: Readonly<Record<Business, readonly Localized[]>> = {
  education: [
    L("学习规划师", "study planner"),
    L("课程顾问", "course advisor"),
    L("升学指导", "admissions coach"),
    L("教务老师", "academic affairs"),
  ],
  parenting: [
    L("育儿顾问", "parenting advisor"),
    L("早教老师", "early-years teacher"),
    L("儿童营养师", "child nutritionist"),
    L("家庭教育指导师", "family education coach"),
  ],
  fitness: [
    L("私教", "personal trainer"),
    L("减脂教练", "fat-loss coach"),
    L("营养师", "nutritionist"),
    L("体态矫正师", "posture coach"),
  ],
  beauty: [
    L("护肤顾问", "skincare advisor"),
    L("美容导师", "beauty tutor"),
    L("皮肤管理师", "skin therapist"),
  ],
  cooking: [L("烘焙老师", "baking teacher"), L("厨艺导师", "cooking tutor"), L("营养搭配师", "meal planner")],
  tea: [
    L("茶艺老师", "tea-art teacher"),
    L("品鉴顾问", "tasting advisor"),
    L("茶园直供", "tea-garden direct"),
  ],
  reading: [
    L("绘本老师", "picture-book teacher"),
    L("阅读规划师", "reading planner"),
    L("故事妈妈", "story mum"),
  ],
  language: [
    L("口语陪练", "speaking partner"),
    L("外教", "native-speaker teacher"),
    L("留学顾问", "study-abroad advisor"),
  ],
  home: [L("收纳师", "organiser"), L("整理顾问", "decluttering advisor"), L("家居顾问", "home advisor")],
  yoga: [
    L("瑜伽导师", "yoga teacher"),
    L("普拉提私教", "Pilates trainer"),
    L("冥想老师", "meditation teacher"),
  ],
  produce: [L("果园直供", "orchard direct"), L("团购团长", "group-buy lead"), L("产地直发", "farm direct")],
  flowers: [
    L("花艺老师", "floristry teacher"),
    L("鲜花直供", "fresh-flower supply"),
    L("花店店长", "flower shop manager"),
  ],
  calligraphy: [
    L("书法老师", "calligraphy teacher"),
    L("考级辅导", "grading tutor"),
    L("硬笔老师", "pen-script teacher"),
  ],
};

/** The titles a team's own staff carry on their cards (班主任, 助教…), forwarded in every group. */
export const STAFF_TITLES: readonly Localized[] = [
  L("班主任", "class lead"),
  L("助教", "teaching assistant"),
  L("客服", "support"),
  L("主讲老师", "lead teacher"),
  L("社群管家", "community steward"),
];

/** What an impostor adds to a real staff name: the same name in zh and en, index for index. */
const IMPOSTOR_SUFFIX: readonly Localized[] = [
  L("（新号）", " (new)"),
  L("-新号", " - new"),
  L("2", " 2"),
  L("_", "_"),
  L(" ", " "),
  L("（备用号）", " (backup)"),
  L("✅", " ✅"),
  L("🌸", " 🌸"),
  L("（官方）", " (official)"),
  L("-官方", " - official"),
];
/** Traditional or variant forms that read as the same name at a glance (趙老師 for 赵老师). */
const LOOKALIKE_CHARS: Record<string, string> = {
  师: "師",
  赵: "趙",
  陈: "陳",
  刘: "劉",
  张: "張",
  杨: "楊",
  黄: "黃",
  许: "許",
  郑: "鄭",
  孙: "孫",
  运: "運",
  营: "營",
  讲: "講",
  课: "課",
  顾: "顧",
};
const CYRILLIC: Record<string, string> = { a: "а", e: "е", o: "о", c: "с", p: "р" };
const STUDIOS: readonly Localized[] = [
  L("成长学院", "Growth Academy"),
  L("优学堂", "Youxue Hall"),
  L("生活馆", "Living Studio"),
  L("工作室", "Studio"),
  L("研习社", "Study Club"),
  L("福利社", "Perks Club"),
];
const BAIT_NAMES: readonly Localized[] = [
  L("{role}<surname>老师", "{role} <surname>"),
  L("{role}-<english>", "{role} - <english>"),
  L("<surname>老师（{role}）", "<surname> ({role})"),
  L("{role}小<surname>", "{role} <surname>"),
  L("<english>·{role}", "<english> · {role}"),
  L("<given>｜{role}", "<given> - {role}"),
  L("{role}<given>", "{role} <given>"),
  L("<surname><given>", "<surname> <given>"),
  L("<english>", "<english>"),
];

/**
 * The name on the card of someone who works in a trade (罗老师（书法老师）, 外教-Judy): a raider's
 * bait account and a real contact a member forwards are named alike.
 */
export function tradeName(rng: Rng, role: Localized): Localized {
  const named = expandPair(rng.pick(BAIT_NAMES), rng, allRules);
  return { zh: named.zh.replace("{role}", role.zh), en: named.en.replace("{role}", role.en) };
}

/** A raider's face: the name on their account and the note on the card they post. */
export interface Persona {
  name: Localized;
  note: Localized;
}

/** The title a staff name shows (助教安安 is a TA), for the note an impostor copies. */
export function titleOf(staffName: string): Localized | undefined {
  return STAFF_TITLES.find((t) => staffName.includes(t.zh.replace("老师", "")));
}

/**
 * The one title a staff member carries all drill long: the one in their name (助教安安), else one
 * fixed by the name itself, so the real card, its forwards and an impostor's copy all agree.
 */
export function staffTitle(name: Localized): Localized {
  return titleOf(name.zh) ?? (STAFF_TITLES[hash32(name.zh) % STAFF_TITLES.length] as Localized);
}

function impostorName(real: Localized, brand: Localized, rng: Rng): Localized {
  const roll = rng.int(0, 9);
  if (roll < 3) {
    const zhAt = [...real.zh].findIndex((ch) => LOOKALIKE_CHARS[ch]);
    const enAt = [...real.en].findIndex((ch) => CYRILLIC[ch]);
    if (zhAt >= 0) {
      const zh = [...real.zh].map((ch, i) => (i === zhAt ? (LOOKALIKE_CHARS[ch] as string) : ch)).join("");
      const en =
        enAt >= 0 ? [...real.en].map((ch, i) => (i === enAt ? CYRILLIC[ch] : ch)).join("") : `${real.en}.`;
      return { zh, en };
    }
  }
  if (roll < 5) {
    const prefix = rng.pick([
      L(`${brand.zh}-`, `${brand.en} - `),
      L("官方-", "Official - "),
      L("【官方】", "[Official] "),
    ]);
    return { zh: prefix.zh + real.zh, en: prefix.en + real.en };
  }
  const suffix = rng.pick(IMPOSTOR_SUFFIX);
  return { zh: real.zh + suffix.zh, en: real.en + suffix.en };
}

/** The share of raiders who pose as one of the team's own staff rather than a stranger with a title. */
export const IMPOSTOR_SHARE = 0.5;

/**
 * One raider: half pose as the team's real staff (the same name with a 新号 tag, a traditional
 * character, an 官方 prefix; the same card note as the real one), half are bait accounts of the
 * group's own trade (a 早教老师 in a parenting group, a 私教 in a fitness camp), so raiders are
 * found by what they do and whom they copy, not by a word in the name.
 */
export function raiderPersona(
  rng: Rng,
  business: Business,
  brand: Localized,
  staff: readonly Localized[],
): Persona {
  if (staff.length > 0 && rng.chance(IMPOSTOR_SHARE)) {
    const real = rng.pick(staff);
    const title = staffTitle(real);
    return {
      name: impostorName(real, brand, rng),
      note: { zh: `${brand.zh}·${title.zh}`, en: `${brand.en} · ${title.en}` },
    };
  }
  const role = rng.pick(TRADE_ROLES[business]);
  const name = tradeName(rng, role);
  const where = rng.int(0, 2);
  const studio = rng.pick(STUDIOS);
  const note =
    where === 0
      ? { zh: `${brand.zh}·${role.zh}`, en: `${brand.en} · ${role.en}` }
      : where === 1
        ? { zh: `${role.zh}｜${studio.zh}`, en: `${role.en} - ${studio.en}` }
        : role;
  return { name, note };
}
