import type { Localized } from "../vocabulary.js";
import type { Business, LocalMoment } from "./types.js";

/**
 * What an account of each trade writes about. A topic holds its keyword (which every title and
 * every body of that topic names), the title templates, a few openings and the points its body is
 * made of. Templates are slot grammar (see grammar.ts); `{kw}`, `{n}`, `{brand}`, `{thing}` and
 * `{fest}` are filled by articles.ts. Both sides of a pair list their alternatives in the same
 * order and count.
 */
export interface Topic {
  id: string;
  business: Business;
  keyword: Localized;
  /** Local months (1–12) the topic fits; absent: all year. */
  months?: readonly number[];
  /** A festival the topic belongs to: offered only near that festival. */
  festival?: Festival;
  titles: readonly Localized[];
  hooks: readonly Localized[];
  points: readonly Localized[];
}

/** The dates an account writes for. Lunar ones come only from the scene's clock (holiday/upcoming). */
export const FESTIVALS = [
  "newyear",
  "spring",
  "lantern",
  "women",
  "qingming",
  "labor",
  "mother",
  "children",
  "mid618",
  "dragon",
  "qixi",
  "teacher",
  "midautumn",
  "national",
  "double11",
  "solstice",
  "yearend",
  "school",
] as const;
export type Festival = (typeof FESTIVALS)[number];

export const FESTIVAL_NAMES: Record<Festival, Localized> = {
  newyear: { zh: "元旦", en: "New Year's Day" },
  spring: { zh: "春节", en: "Spring Festival" },
  lantern: { zh: "元宵", en: "the Lantern Festival" },
  women: { zh: "妇女节", en: "Women's Day" },
  qingming: { zh: "清明", en: "Qingming" },
  labor: { zh: "五一", en: "the May Day holiday" },
  mother: { zh: "母亲节", en: "Mother's Day" },
  children: { zh: "儿童节", en: "Children's Day" },
  mid618: { zh: "618", en: "the 618 sale" },
  dragon: { zh: "端午", en: "the Dragon Boat Festival" },
  qixi: { zh: "七夕", en: "Qixi" },
  teacher: { zh: "教师节", en: "Teachers' Day" },
  midautumn: { zh: "中秋", en: "Mid-Autumn" },
  national: { zh: "国庆", en: "the National Day holiday" },
  double11: { zh: "双十一", en: "Double 11" },
  solstice: { zh: "冬至", en: "the Winter Solstice" },
  yearend: { zh: "年终", en: "the year's end" },
  school: { zh: "开学季", en: "back-to-school season" },
};

/** How the scene's clock names a festival (zh), for the lunar ones only it knows. */
const NAMED: ReadonlyArray<readonly [string, Festival]> = [
  ["元旦", "newyear"],
  ["春节", "spring"],
  ["除夕", "spring"],
  ["元宵", "lantern"],
  ["妇女", "women"],
  ["清明", "qingming"],
  ["劳动", "labor"],
  ["五一", "labor"],
  ["母亲", "mother"],
  ["儿童", "children"],
  ["618", "mid618"],
  ["端午", "dragon"],
  ["七夕", "qixi"],
  ["教师", "teacher"],
  ["中秋", "midautumn"],
  ["国庆", "national"],
  ["双十一", "double11"],
  ["双11", "double11"],
  ["冬至", "solstice"],
];

const dayOfYear = (month: number, day: number): number => month * 32 + day;
const within = (m: LocalMoment, from: [number, number], to: [number, number]): boolean => {
  const d = dayOfYear(m.month, m.day);
  const a = dayOfYear(from[0], from[1]);
  const b = dayOfYear(to[0], to[1]);
  return a <= b ? d >= a && d <= b : d >= a || d <= b;
};

/**
 * The festivals near a moment: those the clock names (today or within 21 days) and the
 * fixed-date ones in their usual run-up. A 端午 title is written only when 端午 is near.
 */
export function festivalsNear(m: LocalMoment): Festival[] {
  const out = new Set<Festival>();
  const names = [m.holiday?.zh, m.upcoming?.name.zh].filter((n): n is string => Boolean(n));
  for (const name of names) for (const [key, fest] of NAMED) if (name.includes(key)) out.add(fest);
  if (within(m, [12, 18], [1, 1])) out.add("newyear");
  if (within(m, [3, 1], [3, 8])) out.add("women");
  if (within(m, [3, 28], [4, 5])) out.add("qingming");
  if (within(m, [4, 20], [5, 3])) out.add("labor");
  if (m.month === 5 && m.day <= 14) out.add("mother");
  if (within(m, [5, 20], [6, 1])) out.add("children");
  if (within(m, [6, 1], [6, 18])) out.add("mid618");
  if (within(m, [9, 1], [9, 10])) out.add("teacher");
  if (within(m, [9, 20], [10, 7])) out.add("national");
  if (within(m, [10, 25], [11, 11])) out.add("double11");
  if (within(m, [12, 8], [12, 22])) out.add("solstice");
  if (m.month === 12) out.add("yearend");
  if (within(m, [8, 15], [9, 15]) || within(m, [2, 10], [3, 5])) out.add("school");
  return [...out];
}

const p = (zh: string, en: string): Localized => ({ zh, en });

/** What each trade sells or teaches: the things its readers buy, join and ask about. */
export const THINGS: Record<Business, readonly Localized[]> = {
  education: [
    p("寒假班", "winter-break class"),
    p("阅读理解专项课", "reading comprehension course"),
    p("作文提升营", "essay-writing camp"),
    p("数学思维课", "maths thinking course"),
    p("错题本", "mistakes notebook"),
    p("一对一答疑", "one-to-one Q&A"),
  ],
  parenting: [
    p("绘本共读营", "picture-book reading camp"),
    p("睡眠训练课", "sleep-training course"),
    p("辅食食谱", "weaning recipe book"),
    p("亲子手工包", "parent-child craft kit"),
    p("情绪管理课", "emotions course"),
    p("早教卡片", "early-learning cards"),
  ],
  fitness: [
    p("21天减脂营", "21-day fat-loss camp"),
    p("弹力带", "resistance band"),
    p("私教课", "personal training session"),
    p("核心训练课", "core workout course"),
    p("跑步计划", "running plan"),
    p("体态矫正课", "posture course"),
  ],
  beauty: [
    p("保湿精华", "hydrating serum"),
    p("防晒霜", "sunscreen"),
    p("洁面乳", "cleanser"),
    p("修护面霜", "repair cream"),
    p("卸妆油", "cleansing oil"),
    p("护肤小样", "skincare samples"),
  ],
  cooking: [
    p("家常菜课", "home-cooking course"),
    p("烘焙入门课", "beginner baking course"),
    p("铸铁锅", "cast-iron pot"),
    p("调味料套装", "seasoning set"),
    p("一周食谱", "weekly meal plan"),
    p("刀工小课", "knife-skills class"),
  ],
  tea: [
    p("明前龙井", "pre-Qingming Longjing"),
    p("老白茶", "aged white tea"),
    p("正山小种", "Lapsang souchong"),
    p("盖碗", "gaiwan"),
    p("铁观音", "Tieguanyin"),
    p("茶礼盒", "tea gift box"),
  ],
  reading: [
    p("共读营", "reading-together camp"),
    p("年度书单", "book list of the year"),
    p("读书笔记模板", "reading-notes template"),
    p("经典导读课", "classics guide course"),
    p("精装套书", "hardback box set"),
    p("读书会", "book club"),
  ],
  language: [
    p("口语陪练课", "speaking practice sessions"),
    p("单词打卡营", "vocabulary check-in camp"),
    p("听力精听课", "intensive listening course"),
    p("雅思冲刺班", "IELTS sprint class"),
    p("外教直播课", "live class with a native teacher"),
    p("语法手册", "grammar handbook"),
  ],
  home: [
    p("收纳盒", "storage boxes"),
    p("整理课", "decluttering course"),
    p("除湿袋", "moisture absorbers"),
    p("衣柜分隔板", "wardrobe dividers"),
    p("清洁套装", "cleaning kit"),
    p("上门整理服务", "home organising visit"),
  ],
  yoga: [
    p("瑜伽垫", "yoga mat"),
    p("晨练课", "morning class"),
    p("冥想课", "meditation course"),
    p("体式精修课", "pose refinement course"),
    p("瑜伽砖", "yoga block"),
    p("线上月卡", "online monthly pass"),
  ],
  produce: [
    p("赣南脐橙", "Gannan navel oranges"),
    p("高山土豆", "highland potatoes"),
    p("土鸡蛋", "free-range eggs"),
    p("有机小米", "organic millet"),
    p("当季蔬菜箱", "seasonal veg box"),
    p("农家腊肉", "farmhouse cured pork"),
  ],
  flowers: [
    p("鲜花月卡", "monthly flower subscription"),
    p("玫瑰花束", "rose bouquet"),
    p("插花课", "flower-arranging class"),
    p("绿植盆栽", "potted plant"),
    p("花瓶", "vase"),
    p("干花礼盒", "dried-flower box"),
  ],
  calligraphy: [
    p("硬笔字帖", "pen copybook"),
    p("毛笔入门课", "brush basics course"),
    p("练字打卡营", "handwriting check-in camp"),
    p("宣纸", "xuan paper"),
    p("楷书精讲课", "regular-script course"),
    p("文房套装", "writing-desk set"),
  ],
};

/** The names an account gives its menu entries, where readers sign up or buy. */
export const MENUS: Record<Business, readonly Localized[]> = {
  education: [p("课程报名", "Courses"), p("学习资料", "Materials"), p("家长课堂", "Parents")],
  parenting: [p("育儿课堂", "Parenting class"), p("好物推荐", "Picks"), p("新手福利", "New here")],
  fitness: [p("训练营报名", "Camps"), p("打卡入口", "Check in"), p("会员中心", "Members")],
  beauty: [p("护肤测试", "Skin quiz"), p("会员商城", "Shop"), p("新人礼", "Welcome gift")],
  cooking: [p("菜谱合集", "Recipes"), p("课程报名", "Courses"), p("厨房好物", "Kitchen shop")],
  tea: [p("茶品商城", "Tea shop"), p("品鉴会", "Tastings"), p("会员福利", "Member perks")],
  reading: [p("共读报名", "Join a read"), p("往期书单", "Past lists"), p("读书会", "Book club")],
  language: [p("课程试听", "Free trial"), p("打卡入口", "Check in"), p("学习规划", "Study plan")],
  home: [p("收纳好物", "Storage shop"), p("预约上门", "Book a visit"), p("整理课", "Course")],
  yoga: [p("课表查询", "Timetable"), p("预约课程", "Book a class"), p("会员卡", "Membership")],
  produce: [p("当季预订", "Pre-order"), p("团购入口", "Group buy"), p("售后服务", "After-sales")],
  flowers: [p("鲜花订购", "Order flowers"), p("花艺课", "Classes"), p("企业定制", "Corporate")],
  calligraphy: [p("课程报名", "Courses"), p("作业提交", "Homework"), p("字帖商城", "Shop")],
};

type Spec = Omit<Topic, "business" | "keyword"> & { kw: [string, string] };

const topic = (business: Business, s: Spec): Topic => {
  const { kw, ...rest } = s;
  return { ...rest, business, keyword: { zh: kw[0], en: kw[1] } };
};

/** One festival greeting or service notice any account posts near a date. */
const festivalTopic = (business: Business, fest: Festival): Topic => ({
  id: `${business}.fest-${fest}`,
  business,
  festival: fest,
  keyword: FESTIVAL_NAMES[fest],
  titles: [
    p(
      "{fest}[快乐|将至]｜{brand}[陪你过节|给大家的小心意]",
      "{fest} [is here|is coming] | [{brand} celebrates with you|a little something from {brand}]",
    ),
    p("{fest}[期间|假期]服务时间[安排|调整]", "Service hours [during|over] {fest}: [the plan|what changes]"),
    p(
      "{fest}[这几天|前后]，[这份|一份]{thing}[安排|攻略]请收好",
      "[These days|Around] {fest}: [this|a] {thing} [plan|guide] for you",
    ),
  ],
  hooks: [
    p("[转眼|不知不觉]又到{fest}了[，|。]", "[Before we know it|Somehow] {fest} has come round again."),
    p(
      "{fest}[临近|快到了]，[不少|很多]朋友在后台问我们[这几天的安排|假期怎么安排]。",
      "With {fest} [close|almost here], [quite a few|many] of you have asked us [about the next few days|how the holiday will work].",
    ),
  ],
  points: [
    p(
      "{fest}期间，客服在线时间[调整为|改为]上午十点到下午六点，其他时间的留言我们会在上班后[依次|尽快]回复。",
      "Over {fest}, support is online from 10 a.m. to 6 p.m.; messages left at other times will be answered [in order|as soon as we're back].",
    ),
    p(
      "已下单的{thing}会[照常|按顺序]发出，[快递|物流]可能比平时慢一两天，[还请多包涵|请大家耐心等一等]。",
      "Orders of {thing} will ship [as usual|in order]; [couriers|deliveries] may run a day or two slower than usual, [thanks for bearing with us|so please be patient].",
    ),
    p(
      "群里的[打卡|答疑]不停，老师们会[轮流|分班]值守。",
      "Group [check-ins|Q&A] carry on, with the teachers on duty [in turns|in shifts].",
    ),
    p(
      "我们给大家准备了一份{fest}小礼物，[点击菜单栏|在菜单栏点]“{menu}”就能领取。",
      "We've put together a small {fest} gift for you: [tap|find] “{menu}” in the menu to claim it.",
    ),
    p(
      "假期难得，[也别忘了|记得]好好休息，陪陪家人。",
      "Holidays are precious, so [don't forget|remember] to rest and spend time with family.",
    ),
  ],
});

const BASE: Record<Business, Spec[]> = {
  education: [
    {
      id: "education.homework",
      kw: ["写作业", "homework"],
      titles: [
        p(
          "孩子写作业[拖拉|磨蹭]？[试试|可以试试]这{n}个[办法|小方法]",
          "Kid [dawdling|dragging their feet] over homework? [Try|Give] these {n} [ideas|small tricks] [a go|]",
        ),
        p(
          "[每天|天天]陪写作业到十点？[问题可能出在这里|先看看这篇]",
          "[Every night|Night after night] helping with homework until ten? [The problem may be here|Read this first]",
        ),
        p(
          "写作业效率低，[家长|爸妈]能做的[其实不多|就这几件事]",
          "Slow homework: what [parents|mums and dads] can do [is less than you think|comes down to a few things]",
        ),
      ],
      hooks: [
        p(
          "[最近|这周]后台收到[不少|很多]留言，说孩子写作业[一拖就是一晚上|总是边写边玩]。",
          "[Lately|This week] we've had [quite a few|lots of] messages saying kids [drag homework out all evening|keep playing while they do homework].",
        ),
        p(
          "写作业这件事，几乎是每个家庭[都会遇到|绕不开]的难题。",
          "Homework is a struggle [almost every family meets|hardly any family escapes].",
        ),
      ],
      points: [
        p(
          "把作业[拆成|分成]几小块，每完成一块就休息五分钟，孩子会更有[盼头|动力]。",
          "[Break|Split] the homework into small chunks with a five-minute break after each; kids find it easier to [keep going|stay motivated].",
        ),
        p(
          "桌面上只留[当下|这一科]要用的书和笔，[手边的玩具|零食和玩具]先收起来。",
          "Keep only the books and pens for [the task at hand|this subject] on the desk, and put [toys|snacks and toys] away for now.",
        ),
        p(
          "先做[最难|最不喜欢]的一科，[精力最好|状态最好]的时候用在刀刃上。",
          "Start with the [hardest|least favourite] subject, while [energy is highest|they're at their best].",
        ),
        p(
          "家长[尽量|最好]不要[坐在旁边|盯着]逐题检查，写完再一起[看|对]一遍。",
          "[Try not to|It's better not to] [sit beside them|hover] checking every question; [go over|check] it together at the end.",
        ),
        p(
          "给孩子一个小计时器，让他自己[估一估|预计]每项作业要多久。",
          "Give your child a little timer and let them [guess|estimate] how long each task will take.",
        ),
        p(
          "写完作业的时间[固定下来|每天差不多]，孩子心里有数，[拖拉|磨蹭]会少很多。",
          "When homework [ends at the same time|finishes around the same time] every day, kids know what to expect and [dawdle|drag] much less.",
        ),
        p(
          "[遇到不会的题|卡住的时候]，先让孩子[圈出来|做个记号]跳过去，最后再集中问。",
          "[When a question stumps them|When they get stuck], have them [circle it|mark it] and move on, then ask about them all at the end.",
        ),
      ],
    },
    {
      id: "education.wrongbook",
      kw: ["错题本", "mistakes notebook"],
      titles: [
        p(
          "错题本[这样用|用对了]，[复习|考前]省一半力气",
          "Use a mistakes notebook [like this|the right way] and [revision|exam prep] takes half the effort",
        ),
        p(
          "[为什么|怎么]孩子的错题本[越记越厚|记了没用]？",
          "[Why|How come] your child's mistakes notebook [keeps growing|isn't helping]?",
        ),
        p(
          "学霸的错题本[长什么样|里都有什么]",
          "[What does|What's inside] a top student's mistakes notebook [look like|]",
        ),
      ],
      hooks: [
        p(
          "期中[过后|刚结束]，很多家长开始[督促|提醒]孩子整理错题本。",
          "[With|Now] the midterms [over|just finished], many parents are getting their kids to sort out a mistakes notebook.",
        ),
        p(
          "错题本人人都有，[真正用好的|能坚持用的]却不多。",
          "Everyone has a mistakes notebook; [few use it well|few keep it going].",
        ),
      ],
      points: [
        p(
          "不是每道错题都要抄，[粗心|计算]错的标注一下就行，[思路|方法]错的才值得整理。",
          "Not every mistake needs copying: mark the [careless|arithmetic] ones, and save the full write-up for wrong [reasoning|methods].",
        ),
        p(
          "每道题旁边[写一句|用一句话写下]错因，比抄一遍答案[管用|有用]得多。",
          "[Writing|Noting] one line on why it went wrong is far more [useful|helpful] than copying the answer.",
        ),
        p(
          "隔三天、一周、一个月各[重做|翻看]一次，[记得|记住]的才是真会了。",
          "[Redo|Revisit] each one after three days, a week and a month; what sticks is what's truly learned.",
        ),
        p(
          "[按知识点|按题型]分类，考前翻起来[一目了然|很快]。",
          "Sort by [topic|question type], and it's [easy to scan|quick to flip through] before an exam.",
        ),
        p(
          "错题本不用追求[好看|工整]，[字迹清楚|能看懂]就够了。",
          "A mistakes notebook doesn't need to be [pretty|neat]; [legible|readable] is enough.",
        ),
        p(
          "[重做|再做]还错的题，用红笔[圈出来|标星]，这是最该花时间的地方。",
          "Questions still wrong on the [redo|second try] get a red [circle|star]: that's where the time should go.",
        ),
      ],
    },
    {
      id: "education.reading",
      kw: ["阅读理解", "reading comprehension"],
      titles: [
        p(
          "阅读理解总丢分？[这{n}步|{n}个步骤]帮孩子理清思路",
          "Losing marks on reading comprehension? [These {n} steps|{n} steps] to help your child think it through",
        ),
        p(
          "阅读理解[不是|并不是]靠刷题刷出来的",
          "Reading comprehension [doesn't|won't] come from drilling past papers",
        ),
        p(
          "{brand}[老师|教研组]聊阅读理解：[先读题还是先读文？|答题要抓哪几点]",
          "{brand} [teachers|curriculum team] on reading comprehension: [question first or text first?|what answers must cover]",
        ),
      ],
      hooks: [
        p(
          "[上周|前几天]的家长会上，问得最多的就是阅读理解。",
          "At [last week's|the recent] parents' meeting, reading comprehension came up more than anything.",
        ),
        p(
          "阅读理解[丢分|失分]，很多时候不是[读不懂|看不懂]，而是[不会答|答不到点上]。",
          "Marks lost on reading comprehension often aren't about [understanding|reading] the text, but about [answering|hitting the points].",
        ),
      ],
      points: [
        p(
          "先[快速|粗略]读一遍全文，知道文章大概讲什么，再看题目。",
          "Read the whole passage [quickly|roughly] once to get the gist, then look at the questions.",
        ),
        p(
          "[答题|作答]时回到原文找依据，[尽量|最好]用文中的词来回答。",
          "When answering, go back to the text for evidence and use its own words [where possible|if you can].",
        ),
        p(
          "问“作用”的题，[一般|通常]从内容和结构两方面来答。",
          "Questions about a passage's “purpose” [usually|generally] want both content and structure.",
        ),
        p(
          "平时多让孩子[复述|用自己的话讲]读过的故事，概括能力会慢慢[上来|提高]。",
          "Ask kids to [retell|put into their own words] what they've read; summarising skills [come|grow] with time.",
        ),
        p(
          "[每周|一周]精读一篇短文，比[泛泛刷|一口气刷]十篇题更有效。",
          "Reading one short piece closely [a week|each week] beats [skimming through|racing through] ten practice papers.",
        ),
        p(
          "[答案|回答]写完回头对一遍题干，看看有没有漏掉要求。",
          "Once an answer is written, reread the question to check nothing it asked for was missed.",
        ),
      ],
    },
    {
      id: "education.winterbreak",
      kw: ["寒假", "winter break"],
      months: [12, 1, 2],
      titles: [
        p(
          "寒假[怎么过|规划]｜{brand}给家长的[一份|]时间表",
          "How to spend the winter break | a timetable from {brand} [for parents|]",
        ),
        p(
          "寒假[别让孩子|不想让孩子]玩野了？[先做这件事|试试这样安排]",
          "Worried the winter break will undo the term? [Do this first|Try this plan]",
        ),
        p(
          "寒假班[开始报名|名额开放]，[课程安排看这里|时间表请查收]",
          "Winter-break class sign-ups [are open|have opened]: [the schedule is here|see the timetable]",
        ),
      ],
      hooks: [
        p(
          "[离放寒假|寒假]没几周了，[不少|很多]家长已经在[琢磨|考虑]怎么安排。",
          "The winter break is only weeks away and [many|plenty of] parents are already [planning|thinking about] it.",
        ),
        p(
          "寒假[时间不长|只有几周]，[过节|走亲戚]又占了一大块。",
          "The winter break is [short|only a few weeks], and [festivities|family visits] take up a big part of it.",
        ),
      ],
      points: [
        p(
          "寒假作业[别|不要]攒到最后，按天数平均分好，每天完成一点。",
          "[Don't|Never] leave winter-break homework until the end; divide it by the days and do a bit each day.",
        ),
        p(
          "[作息|起床时间]不用和上学一样严格，但[也别|不要]相差太大。",
          "[The routine|Wake-up time] needn't be as strict as term time, but [shouldn't|mustn't] drift too far.",
        ),
        p(
          "每天[留出|安排]半小时自由阅读，书让孩子自己挑。",
          "[Set aside|Plan] half an hour of free reading every day, with books the child picks.",
        ),
        p(
          "[上学期|这学期]的薄弱科目，寒假[正好|刚好]可以补一补。",
          "The winter break is [just the time|the right time] to shore up [last term's|this term's] weak subject.",
        ),
        p(
          "过年走亲戚的日子，[就放心让孩子玩|学习计划可以停一停]，节后再[收心|补上]。",
          "On family-visit days, [let them play|pause the study plan] and [get back on track|catch up] after the holiday.",
        ),
      ],
    },
  ],
  parenting: [
    {
      id: "parenting.sleep",
      kw: ["哄睡", "bedtime"],
      titles: [
        p(
          "[每晚|天天]哄睡一小时？[这{n}个习惯|{n}个小改变]帮你省力",
          "An hour of bedtime [every night|each night]? [These {n} habits|{n} small changes] will help",
        ),
        p(
          "哄睡[不再|别再]是[拉锯战|体力活]｜[新手爸妈|宝爸宝妈]必看",
          "Bedtime [doesn't have to be|needn't be] a [battle|workout] | for [new parents|mums and dads]",
        ),
        p(
          "孩子[越哄越精神|一到睡前就闹]？[聊聊|说说]哄睡那些事",
          "Kid [more awake the more you soothe|kicking off at bedtime]? [Let's talk about|A few words on] bedtime",
        ),
      ],
      hooks: [
        p(
          "[后台|留言区]里，哄睡[一直是|永远是]被问得最多的问题之一。",
          "In [our inbox|the comments], bedtime [has always been|is forever] one of the most asked-about topics.",
        ),
        p(
          "[很多|不少]爸妈说，一天里最累的不是白天，而是[晚上哄睡|睡前那一个小时]。",
          "[Many|Plenty of] parents say the hardest part of the day isn't daytime but [bedtime|the hour before bed].",
        ),
      ],
      points: [
        p(
          "睡前一小时[调暗|关掉]大灯，[电视和手机|屏幕]也一起关掉。",
          "[Dim|Switch off] the main lights an hour before bed, along with [the TV and phones|screens].",
        ),
        p(
          "每天[按同样的顺序|固定顺序]：洗澡、刷牙、讲故事、关灯，孩子会[慢慢|自然]知道该睡了。",
          "[Keep the same order|Stick to one order] every night: bath, teeth, story, lights out, and kids [gradually|naturally] learn it's time to sleep.",
        ),
        p(
          "白天[多带孩子到户外|让孩子多跑跑跳跳]，晚上更容易入睡。",
          "[Plenty of outdoor time|Lots of running about] in the day makes it easier to fall asleep at night.",
        ),
        p(
          "[午睡|白天的觉]别太晚，下午四点以后[尽量|最好]不睡。",
          "Don't let [naps|daytime sleep] run late; [try to avoid|it's best to skip] sleep after 4 p.m.",
        ),
        p(
          "孩子[醒了|哭了]别马上抱起来，先等一两分钟，看看能不能自己[接着睡|安静下来]。",
          "When they [wake|cry], don't pick them up straight away; wait a minute or two to see if they [drift off again|settle themselves].",
        ),
        p(
          "[哄睡|睡前]的时候大人先放松，[孩子能感觉到|情绪是会传染的]。",
          "Relax yourself first at [bedtime|lights out]; [children pick up on it|moods are catching].",
        ),
      ],
    },
    {
      id: "parenting.picky",
      kw: ["挑食", "picky eating"],
      titles: [
        p(
          "孩子挑食[怎么办|别硬喂]？[这{n}招|{n}个办法]亲测有用",
          "Picky eating: [what to do|don't force it]? [These {n} tricks|{n} ideas] that actually worked",
        ),
        p(
          "挑食[不是|并不是]孩子的错，[可能是|问题也许在]餐桌上",
          "Picky eating [isn't|is not] the child's fault; [it may be|the answer may lie] at the table",
        ),
        p(
          "[对付|面对]挑食，[奶奶和妈妈|全家]要先统一[意见|口径]",
          "[Tackling|Facing] picky eating: [grandma and mum|the whole family] must agree first",
        ),
      ],
      hooks: [
        p(
          "“[青菜|胡萝卜]一口不吃”，这句话[说中了|戳中了]多少家长。",
          "“Won't touch a single [green|carrot]”: how many parents [recognise that|feel seen]?",
        ),
        p(
          "挑食几乎是[每个|大多数]孩子都会经历的阶段。",
          "Picky eating is a phase [almost every|most] child goes through.",
        ),
      ],
      points: [
        p(
          "新食物[一次只加一种|少量多次地出现]，别指望第一次就吃。",
          "[Introduce one new food at a time|Offer new foods in small amounts, often], and don't expect success first time.",
        ),
        p(
          "[让孩子|带孩子]一起洗菜、摆盘，自己动手的菜更愿意尝。",
          "[Let kids|Get kids to] help wash and plate food; they're keener to taste what they made.",
        ),
        p(
          "饭前一小时[不给零食|别吃零食]，饿一点[才会|更]有胃口。",
          "[No snacks|Skip snacks] in the hour before meals; a little hunger [brings|means more] appetite.",
        ),
        p(
          "吃饭时间[控制在|不超过]半小时，到点就收，不追着喂。",
          "Keep meals to [about|no more than] half an hour, clear the table on time, and don't chase them with the spoon.",
        ),
        p(
          "大人[别在饭桌上|不要当着孩子]说“他就是不爱吃这个”。",
          "Grown-ups [shouldn't say at the table|shouldn't say in front of them], “He just doesn't like that.”",
        ),
        p(
          "把蔬菜[切碎|做成小丸子]混进孩子喜欢的菜里，也是个过渡办法。",
          "[Chopping|Rolling] vegetables [finely|into little balls] into dishes they like is a good bridge.",
        ),
      ],
    },
    {
      id: "parenting.temper",
      kw: ["发脾气", "tantrums"],
      titles: [
        p(
          "孩子[一言不合就|动不动就]发脾气，[先别急着讲道理|家长先做这一步]",
          "Kid [flaring up over nothing|losing it at every turn]? [Hold off on reasoning|Do this first]",
        ),
        p(
          "[面对|接住]孩子发脾气，[比讲道理更管用的是|这3句话比讲道理管用]",
          "[Facing|Handling] tantrums: [what works better than reasoning|3 sentences that beat reasoning]",
        ),
        p(
          "[两三岁|四五岁]的孩子爱发脾气，[正常吗？|是成长的一部分]",
          "[Two- or three-|Four- or five-]year-olds and tantrums: [is it normal?|part of growing up]",
        ),
      ],
      hooks: [
        p(
          "[超市里|出门前]孩子突然发脾气，大人[往往|常常]最手足无措。",
          "A sudden tantrum [in the supermarket|just before leaving the house] is when parents feel most helpless.",
        ),
        p(
          "发脾气是孩子[在学着|还不会]表达情绪的[方式|信号]。",
          "Tantrums are a child's [way of learning|sign they can't yet] express feelings.",
        ),
      ],
      points: [
        p(
          "先稳住[自己|大人自己]的情绪，[深呼吸|停几秒]再开口。",
          "Steady [your own|the grown-ups'] emotions first; [take a breath|pause a few seconds] before speaking.",
        ),
        p(
          "蹲下来和孩子平视，用简单的话[说出|帮他说出]他的感受。",
          "Crouch to eye level and use simple words to [name|help them name] how they feel.",
        ),
        p(
          "[哭闹|发脾气]的时候不讲道理，等平静下来再聊。",
          "No reasoning during the [crying|tantrum]; talk once things are calm.",
        ),
        p(
          "规则[可以温和|说得温和]，但[不能|别]因为哭闹就改。",
          "Rules can be [gentle|said gently], but [shouldn't|mustn't] bend because of crying.",
        ),
        p(
          "提前[告诉|提醒]孩子接下来要做什么，[突发|临时]的变化最容易引发情绪。",
          "[Tell|Warn] kids in advance what's coming next; [sudden|last-minute] changes set off the most outbursts.",
        ),
        p(
          "情绪过去后，[抱一抱|拥抱一下]孩子，让他知道大人一直都在。",
          "Once it passes, [give them a cuddle|hold them], so they know you were there all along.",
        ),
      ],
    },
    {
      id: "parenting.children",
      kw: ["儿童节", "Children's Day"],
      festival: "children",
      titles: [
        p(
          "儿童节[去哪玩|怎么过]？[{n}个|这些]在家也能玩的亲子游戏",
          "[Where to go|What to do] on Children's Day? [{n}|A few] parent-child games for home",
        ),
        p(
          "儿童节礼物[别只买玩具|送什么]｜[听听|看看]{brand}家长们的选择",
          "Children's Day gifts: [more than toys|what to give] | [hear from|see what] {brand} parents chose",
        ),
        p(
          "儿童节[快乐|到了]，[也给大人|陪孩子]放个小假",
          "Children's Day [is here|has arrived]: [a little break for grown-ups too|take a day with the kids]",
        ),
      ],
      hooks: [
        p(
          "儿童节[快到了|就要到了]，[群里|后台]不少家长在问怎么给孩子过。",
          "Children's Day is [nearly here|almost upon us], and many parents [in the group|in our inbox] ask how to mark it.",
        ),
        p(
          "[一年一次的|]儿童节，孩子们[盼了好久|早就在倒数]。",
          "[Once a year,|] Children's Day is something kids [have waited ages for|have been counting down to].",
        ),
      ],
      points: [
        p(
          "[不一定|不必]去人多的地方，在家[搭个帐篷|做顿野餐]孩子也很开心。",
          "You [needn't|don't have to] go somewhere crowded; [a tent in the living room|a picnic at home] delights kids too.",
        ),
        p(
          "让孩子[自己决定|来安排]这一天的一个小环节，他会[特别|格外]有参与感。",
          "Let the child [decide|plan] one small part of the day; they'll feel [really|especially] involved.",
        ),
        p(
          "礼物[可以是|不如是]一次陪伴，比如一起做手工、一起看场电影。",
          "A gift [can be|might better be] time together: a craft, a film side by side.",
        ),
        p(
          "出门的话[提前|记得]查好天气，[防晒|水杯]别落下。",
          "If you go out, [check|remember to check] the weather and don't forget [sun protection|water bottles].",
        ),
      ],
    },
  ],
  fitness: [
    {
      id: "fitness.warmup",
      kw: ["热身", "warm-up"],
      titles: [
        p(
          "[跑步|训练]前的热身，[你做对了吗|别再省了]",
          "Your warm-up before [a run|training]: [are you doing it right?|stop skipping it]",
        ),
        p(
          "[{n}个|这{n}个]热身动作，[五分钟|十分钟]唤醒全身",
          "[{n}|These {n}] warm-up moves wake your whole body in [five|ten] minutes",
        ),
        p(
          "热身[没做好|做不到位]，[第二天|练完]更容易[酸|受伤]",
          "A [poor|half-done] warm-up makes you more likely to [ache|get hurt] [the next day|afterwards]",
        ),
      ],
      hooks: [
        p(
          "[打卡群里|训练营里]常有人问，[时间紧的时候|赶时间]热身能不能省。",
          "People in the [check-in group|camp] often ask whether the warm-up can go when [time is short|they're in a hurry].",
        ),
        p(
          "很多[伤痛|拉伤]，其实[就发生在|都来自]没热身的那一次。",
          "Many [injuries|strains] actually [happen|come] on the one day you skipped the warm-up.",
        ),
      ],
      points: [
        p(
          "从关节绕环开始，[脖子、肩膀、手腕、脚踝|由上到下]依次活动开。",
          "Begin with joint circles, working [neck, shoulders, wrists and ankles|from top to bottom] in turn.",
        ),
        p(
          "[静态拉伸|拉伸]留到训练后，热身[更适合|以]动态动作[为主|]。",
          "Save [static stretches|stretching] for afterwards; warm-ups [suit|are mostly] dynamic moves.",
        ),
        p(
          "热身[做到|以]微微出汗[就可以了|为准]，一般五到十分钟。",
          "Warm up until you're [lightly sweating|just sweating], usually five to ten minutes.",
        ),
        p(
          "天冷的时候热身时间[适当|可以]延长一些。",
          "In cold weather, [stretch|extend] the warm-up a little.",
        ),
        p(
          "[开合跳|原地高抬腿]几组，心率上来了再进入正式训练。",
          "A few sets of [jumping jacks|high knees] get your heart rate up before the main session.",
        ),
        p(
          "如果[膝盖|腰]有旧伤，热身时[多给它|重点照顾它]几组。",
          "If your [knees|back] have an old injury, give [them|it] a few extra sets in the warm-up.",
        ),
      ],
    },
    {
      id: "fitness.fatloss",
      kw: ["减脂", "fat loss"],
      titles: [
        p(
          "减脂[期间|期]怎么吃？[记住这{n}点|{n}条原则就够了]",
          "What to eat for fat loss? [Remember these {n} points|{n} rules are enough]",
        ),
        p(
          "减脂[卡在平台期|体重不动了]，[先别急着少吃|可能是这些原因]",
          "Fat loss [stalled on a plateau|scale not moving]? [Don't eat less yet|These may be why]",
        ),
        p(
          "{brand}减脂营[第二周|结营]分享：[她们是怎么坚持下来的|我们学到了什么]",
          "{brand} fat-loss camp [week two|wrap-up]: [how they kept going|what we learned]",
        ),
      ],
      hooks: [
        p(
          "[不少|很多]营员说，减脂最难的不是练，而是[管住嘴|吃对]。",
          "[Many|Lots of] campers say the hard part of fat loss isn't training but [eating less|eating right].",
        ),
        p(
          "减脂[是个|本来就是]慢过程，[体重|数字]有起伏很正常。",
          "Fat loss is [a|by nature a] slow process; [weight|the numbers] going up and down is normal.",
        ),
      ],
      points: [
        p(
          "[每餐|一餐]先吃蔬菜，再吃蛋白质，最后吃主食，[容易控制|更好控制]总量。",
          "Eat vegetables first, then protein, then carbs [at each meal|]; it's [easier|simpler] to control how much you eat.",
        ),
        p(
          "主食不用完全戒掉，[换成|一半换成]粗粮就好。",
          "No need to cut carbs entirely; [switch to|swap half for] whole grains.",
        ),
        p(
          "每天[喝够|保证]水，饿的时候先喝一杯水[再说|等十分钟]。",
          "[Drink enough|Make sure you get enough] water daily; when hungry, have a glass first [and see|and wait ten minutes].",
        ),
        p(
          "[体重|体脂]每周固定一天[早上|空腹]称，别天天盯着数字。",
          "Weigh in once a week, same day, [in the morning|before breakfast], instead of watching the number daily.",
        ),
        p(
          "睡眠不足会让人[更想吃甜的|食欲变大]，[早点睡|睡够]也是减脂的一部分。",
          "Short sleep makes you [crave sugar|hungrier]; [an early night|enough sleep] is part of fat loss too.",
        ),
        p(
          "力量训练[别落下|也要做]，肌肉多了，[基础代谢|消耗]才会上去。",
          "[Don't drop|Keep up] strength training; more muscle raises your [resting metabolism|burn].",
        ),
      ],
    },
    {
      id: "fitness.plank",
      kw: ["平板支撑", "plank"],
      titles: [
        p(
          "平板支撑[撑不住|腰疼]？[你可能做错了这几点|检查这{n}个细节]",
          "Can't hold a plank, [or it hurts your back|]? [You may be getting these wrong|Check these {n} details]",
        ),
        p(
          "[每天|一天]{n}分钟平板支撑，[坚持一个月会怎样|核心稳了]",
          "{n} minutes of plank [a day|daily]: [what a month does|a steadier core]",
        ),
        p(
          "平板支撑[进阶|变式]｜[从跪姿到单手|{n}种练法]",
          "Plank [progressions|variations] | [from knees to one arm|{n} ways to do it]",
        ),
      ],
      hooks: [
        p(
          "平板支撑[看起来简单|人人都会]，[做标准的|真正做对的]却不多。",
          "The plank [looks simple|is something everyone can do], but [few do it properly|few get it right].",
        ),
        p(
          "[打卡群|训练营]里平板支撑的[时长|记录]越来越长，今天聊聊[动作质量|怎么做对]。",
          "Plank [times|records] in the [check-in group|camp] keep growing, so today let's talk about [form|doing it right].",
        ),
      ],
      points: [
        p(
          "身体保持一条直线，腰[不要塌|别往下掉]，屁股也别撅太高。",
          "Keep a straight line; don't let your lower back [sag|drop], and don't hike your hips.",
        ),
        p(
          "手肘[在肩膀正下方|对准肩膀]，眼睛看向地面。",
          "Elbows [directly under|lined up with] your shoulders, eyes on the floor.",
        ),
        p(
          "刚开始从二十秒做起，每组之间休息半分钟。",
          "Start with twenty seconds and rest half a minute between sets.",
        ),
        p(
          "[撑不住|吃力]的时候先用膝盖[支撑|着地]，[动作标准|姿势对]比时间长更重要。",
          "When it gets [too hard|tough], drop to your knees; [good form|the right position] matters more than time.",
        ),
        p(
          "[练的时候|过程中]别憋气，[均匀|慢慢]呼吸。",
          "Don't hold your breath [while you hold|during the set]; breathe [evenly|slowly].",
        ),
        p(
          "[腰部|下背]有不适就停下来，[别硬撑|不要硬扛]。",
          "Stop if your [lower back|back] complains; [don't push through|don't tough it out].",
        ),
      ],
    },
    {
      id: "fitness.winter",
      kw: ["冬季训练", "winter training"],
      months: [11, 12, 1, 2],
      titles: [
        p(
          "[天冷|降温]了，冬季训练[要注意这{n}点|怎么安排]",
          "[Cold|Colder] days: [{n} things to watch in|how to plan] winter training",
        ),
        p(
          "冬季训练[不想出门|起不来床]？[在家也能练|这份计划给你]",
          "Winter training: [don't want to go out|can't get out of bed]? [Train at home|Here's a plan]",
        ),
        p(
          "冬季训练[别忽视|最容易忽略的]是这件事",
          "The thing [not to overlook|most often forgotten] in winter training",
        ),
      ],
      hooks: [
        p(
          "[这几天|最近]降温，群里[打卡|晨跑]的人明显少了。",
          "It's [turned cold|got colder] [this week|lately], and fewer people are [checking in|out running] in the group.",
        ),
        p(
          "一到冬天，[被窝|暖气]就成了训练最大的对手。",
          "Come winter, [the duvet|the heating] is training's biggest rival.",
        ),
      ],
      points: [
        p(
          "[户外|室外]跑步[尽量|最好]避开清晨最冷的时候，中午前后更合适。",
          "[Outdoor|Outside] runs are [better|best] away from the coldest early hours; around midday suits better.",
        ),
        p("[穿衣|衣服]按三层来：排汗、保暖、防风。", "Dress in three layers: wicking, warmth, windproof."),
        p(
          "冬季训练热身要[更充分|多做几分钟]，关节[暖开|活动开]再加量。",
          "Warm up [more thoroughly|a few minutes longer] in winter, and add load once joints are [warm|loose].",
        ),
        p(
          "[在家|室内]练也可以，弹力带加自重训练就很够用。",
          "Training [at home|indoors] works too; a resistance band and bodyweight moves are plenty.",
        ),
        p(
          "冬天出汗少也要[记得|按时]喝水。",
          "Even if you sweat less in winter, [remember|make a point] to drink water.",
        ),
      ],
    },
  ],
  beauty: [
    {
      id: "beauty.sunscreen",
      kw: ["防晒", "sunscreen"],
      months: [3, 4, 5, 6, 7, 8, 9],
      titles: [
        p(
          "防晒[怎么选|怎么涂]？[一篇说清楚|{n}个问题一次答完]",
          "[Choosing|Applying] sunscreen: [all in one post|{n} questions answered at once]",
        ),
        p(
          "[阴天|在室内]也要防晒吗？[答案在这里|看完你就懂了]",
          "Sunscreen on [cloudy days|indoors]? [Here's the answer|Read this and you'll see]",
        ),
        p(
          "防晒[涂够量|补涂]这件事，[很多人都忽略了|你做到了吗]",
          "Using enough sunscreen and reapplying: [most people skip it|do you?]",
        ),
      ],
      hooks: [
        p(
          "[天气一热|紫外线一强]，后台关于防晒的提问就多了起来。",
          "[As soon as it warms up|Once the UV climbs], the sunscreen questions start pouring in.",
        ),
        p(
          "防晒是护肤里[最基础|最划算]的一步，也是[最容易偷懒|最常被忽略]的一步。",
          "Sunscreen is the [most basic|best-value] step in skincare, and the one [most often skipped|most overlooked].",
        ),
      ],
      points: [
        p(
          "脸部用量[大约|差不多]是一元硬币大小，少了效果会打折扣。",
          "Use [about|roughly] a coin-sized amount for the face; less and the protection drops.",
        ),
        p(
          "出门前十五分钟涂好，[让它|给它]成膜的时间。",
          "Apply fifteen minutes before going out to [let it|give it time to] set.",
        ),
        p(
          "[户外|长时间在外面]每两小时补涂一次，出汗后也要补。",
          "[Outdoors|When out for long], reapply every two hours and after sweating.",
        ),
        p(
          "[耳朵|脖子]和手背[经常被漏掉|最容易漏涂]。",
          "[Ears|The neck] and the backs of hands [often get missed|are easiest to miss].",
        ),
        p(
          "[敏感肌|皮肤容易泛红的朋友]可以先在耳后试用两天。",
          "[Sensitive skin|If your skin reddens easily], patch-test behind the ear for two days first.",
        ),
        p(
          "晚上[一定要|记得]清洁干净，防晒残留容易闷痘。",
          "[Always|Remember to] cleanse well at night; leftover sunscreen can clog pores.",
        ),
      ],
    },
    {
      id: "beauty.moisture",
      kw: ["保湿", "moisturising"],
      months: [9, 10, 11, 12, 1, 2, 3],
      titles: [
        p(
          "换季[皮肤干|脸发紧]？保湿[做对这{n}步|别只靠面霜]",
          "Skin [dry|tight] at the change of season? Moisturising: [get these {n} steps right|don't rely on cream alone]",
        ),
        p(
          "[秋冬|干燥天]保湿[指南|清单]｜[干皮油皮都能用|按肤质来选]",
          "[Autumn-winter|Dry-weather] moisturising [guide|checklist] | [for dry and oily skin|choose by skin type]",
        ),
        p(
          "保湿[越涂越干|总不够]？[可能是顺序错了|问题出在清洁]",
          "Moisturising but [still dry|never enough]? [It may be the order|The problem is cleansing]",
        ),
      ],
      hooks: [
        p(
          "[一入秋|暖气一开]，皮肤就开始[喊渴|起皮]。",
          "[Once autumn arrives|As soon as the heating goes on], skin starts [begging for water|flaking].",
        ),
        p(
          "[最近|这几周]后台问得最多的，就是保湿。",
          "[Lately|These past weeks] the question we get most is about moisturising.",
        ),
      ],
      points: [
        p(
          "洗脸水温别太高，[温水|不烫手]就好。",
          "Keep the water for washing lukewarm, [not hot|never scalding].",
        ),
        p(
          "洗完脸[三分钟内|趁脸还微湿]就涂保湿，锁水效果更好。",
          "Moisturise [within three minutes|while the skin is still damp] after washing; it holds water better.",
        ),
        p(
          "质地由稀到稠，[一层层|一步步]叠加，吸收会更好。",
          "Layer from thin to thick, [one by one|step by step], for better absorption.",
        ),
        p(
          "[干皮|干得厉害的地方]可以在面霜后薄涂一层[油|封闭型产品]。",
          "On [dry skin|the driest patches], a thin layer of [oil|occlusive] after cream helps.",
        ),
        p(
          "室内[开暖气|空调]的时候放一杯水或加湿器。",
          "With the [heating|air-con] on, keep a glass of water or a humidifier in the room.",
        ),
        p(
          "泛红[持续不退|反复]的话，先停掉功效型产品，观察几天。",
          "If redness [hangs around|keeps coming back], pause active products for a few days.",
        ),
      ],
    },
    {
      id: "beauty.order",
      kw: ["护肤步骤", "skincare steps"],
      titles: [
        p(
          "护肤步骤[别搞反了|到底怎么排]，[看这篇|一张图讲明白]",
          "Skincare steps: [don't get them backwards|what goes first], [read this|explained in one chart]",
        ),
        p(
          "[早上|晚上]的护肤步骤[可以更简单|和白天不一样]",
          "[Morning|Evening] skincare steps [can be simpler|differ from daytime]",
        ),
        p(
          "[新手|零基础]护肤步骤｜[从{n}步开始|先把基础做好]",
          "Skincare steps for [beginners|complete novices] | [start with {n}|get the basics first]",
        ),
      ],
      hooks: [
        p(
          "[瓶瓶罐罐|产品]越买越多，护肤步骤却越来越乱？",
          "More and more [bottles and jars|products], but skincare steps getting messier?",
        ),
        p(
          "[留言区|后台]常有人问：精华和乳液哪个先？",
          "[In the comments|In our inbox] someone always asks: serum or lotion first?",
        ),
      ],
      points: [
        p(
          "基本顺序是先清洁，再用水状产品，然后是精华、乳液或面霜。",
          "The basic order: cleanse, watery products, then serum, lotion or cream.",
        ),
        p("白天最后一步[一定是|别忘了]防晒。", "By day, the last step is [always|never without] sunscreen."),
        p(
          "[新产品|新品]一次只加一样，[出问题|过敏了]才知道是哪个。",
          "Add one [new product|new item] at a time, so if something [goes wrong|reacts] you know which.",
        ),
        p(
          "[功效型|酸类和维A类]产品[别叠太多|错开早晚用]。",
          "[Don't stack|Alternate morning and night for] [active|acid and retinoid] products.",
        ),
        p(
          "每一步之间等半分钟，[让上一层吸收|别急着叠]。",
          "Wait half a minute between steps [so each layer sinks in|rather than rushing].",
        ),
        p(
          "[步骤|产品]不在多，适合自己的三四步就够了。",
          "It's not about more [steps|products]; three or four that suit you are enough.",
        ),
      ],
    },
    {
      id: "beauty.d11",
      kw: ["双十一", "Double 11"],
      festival: "double11",
      titles: [
        p(
          "双十一[囤货|清单]｜[这些{thing}值得囤|理性囤货指南]",
          "Double 11 [stock-up|list] | [{thing} worth stocking up on|a sensible stock-up guide]",
        ),
        p(
          "双十一[怎么买最划算|福利提前看]，{brand}[会员|老朋友]专享",
          "Double 11: [how to get the best deal|a first look at perks], for {brand} [members|regulars]",
        ),
        p(
          "双十一[别乱囤|先查保质期]，护肤品[开封后|没开封]能放多久",
          "Double 11: [don't over-buy|check the shelf life first], how long skincare lasts [once opened|unopened]",
        ),
      ],
      hooks: [
        p(
          "双十一[快到了|进入倒计时]，[群里|后台]已经有人在问{thing}的价格。",
          "Double 11 is [nearly here|counting down], and people [in the group|in our inbox] are asking about {thing} prices.",
        ),
        p(
          "又到一年双十一，[囤货前|下单前]先[盘一盘|看看]家里还剩多少。",
          "Double 11 again: [before stocking up|before ordering], [check|see] what you still have at home.",
        ),
      ],
      points: [
        p(
          "[囤货|下单]前先看保质期，开封后[一般|大多]建议半年到一年内用完。",
          "Check shelf life [before stocking up|before ordering]; once opened, [most|many] products should be used within six months to a year.",
        ),
        p(
          "{thing}这次[有满减|买二送一]，[老会员|会员]另外还有小样。",
          "{thing} [comes with spend-and-save|is buy-two-get-one] this time, with extra samples for [long-standing members|members].",
        ),
        p(
          "[没用过的|新品]先买小规格，[合适|用着好]再囤正装。",
          "Buy [new-to-you|new] products in small sizes first; stock up on full sizes [if they suit|once you like them].",
        ),
        p(
          "[预售|定金]商品的尾款时间[记得|别忘了]设好提醒。",
          "[Remember|Don't forget] to set a reminder for the balance on [pre-sale|deposit] items.",
        ),
        p(
          "[发货|物流]高峰期可能慢几天，[着急用的|急用的]建议提前下单。",
          "Shipping may take a few days longer at peak, so order early [if you need it soon|for anything urgent].",
        ),
      ],
    },
  ],
  cooking: [
    {
      id: "cooking.greens",
      kw: ["炒青菜", "stir-fried greens"],
      titles: [
        p(
          "炒青菜[总是发黄|出水多]？[记住这{n}个细节|大厨的做法在这里]",
          "Stir-fried greens [going yellow|watery]? [Remember these {n} details|here's how chefs do it]",
        ),
        p(
          "[一盘|一道]好吃的炒青菜，[关键在火候|秘诀在最后一步]",
          "Good stir-fried greens: [it's all in the heat|the secret is the last step]",
        ),
        p(
          "炒青菜[什么时候放盐|要不要焯水]？[一次讲明白|答案来了]",
          "Stir-fried greens: [when to salt|to blanch or not]? [All explained|Here's the answer]",
        ),
      ],
      hooks: [
        p(
          "[看起来最简单的|最家常的]菜，往往最考功夫，炒青菜就是[一个|这样]。",
          "The [simplest-looking|most everyday] dishes are often the hardest, and stir-fried greens are [one|exactly that].",
        ),
        p(
          "[群里|后台]好多人说，炒青菜[一出锅就塌|颜色不好看]。",
          "Lots of you [in the group|in our inbox] say your stir-fried greens [wilt the moment they're done|lose their colour].",
        ),
      ],
      points: [
        p(
          "菜洗好后[一定要|尽量]沥干水分，下锅才不会溅油、出水。",
          "[Always|Try to] drain the washed greens well, so they don't spit or turn watery.",
        ),
        p(
          "锅要烧到冒一点[烟|热气]再下油，[大火|火力足]快炒一两分钟。",
          "Heat the wok until it just [smokes|steams] before adding oil, then stir-fry over [high heat|a strong flame] for a minute or two.",
        ),
        p(
          "盐在出锅前再放，[口感|颜色]会更清爽。",
          "Add salt just before serving; the [texture|colour] stays fresher.",
        ),
        p(
          "[蒜末|姜丝]先爆香，但别炒糊了。",
          "Fry the [garlic|ginger] first for fragrance, but don't let it burn.",
        ),
        p(
          "[菜梗|根部]和叶子分开下锅，梗先炒半分钟。",
          "Cook [the stems|the base] and leaves separately, stems first for half a minute.",
        ),
        p(
          "出锅前[淋几滴|沿锅边淋一点]热油，颜色会更亮。",
          "[A few drops|A drizzle round the edge] of hot oil before serving brightens the colour.",
        ),
      ],
    },
    {
      id: "cooking.braise",
      kw: ["红烧肉", "braised pork"],
      titles: [
        p(
          "红烧肉[肥而不腻|软糯入味]，[全靠这{n}步|诀窍在炒糖色]",
          "Braised pork, [rich not greasy|tender and full of flavour]: [it's these {n} steps|the trick is the caramel]",
        ),
        p(
          "[第一次做|新手做]红烧肉，[记住这几点就不会失败|照着做就对了]",
          "[First time|Beginner] making braised pork? [Remember these and it won't fail|Just follow along]",
        ),
        p(
          "红烧肉[要不要焯水|用什么锅]？[老师傅这么说|答案来了]",
          "Braised pork: [blanch or not|which pot]? [An old hand explains|The answer]",
        ),
      ],
      hooks: [
        p(
          "[周末|过节]家里来客人，一盘红烧肉[总能|往往]最先被吃完。",
          "When guests come [at the weekend|for a holiday], the braised pork is [always|usually] the first to go.",
        ),
        p(
          "红烧肉[人人都爱|几乎每家都做]，做得好吃却不容易。",
          "[Everyone loves|Almost every family makes] braised pork, but making it well isn't easy.",
        ),
      ],
      points: [
        p(
          "五花肉[冷水下锅|凉水下锅]焯一下，撇掉浮沫再捞出。",
          "Start the pork belly in cold water to blanch it, skim off the foam, then lift it out.",
        ),
        p(
          "糖色用小火慢炒，颜色变成[枣红色|琥珀色]就下肉。",
          "Cook the caramel slowly over low heat, and add the meat once it turns [deep red|amber].",
        ),
        p(
          "加水一次加够，[中途|炖的时候]尽量别再加冷水。",
          "Add all the water at once; [midway|while it simmers] try not to top up with cold water.",
        ),
        p(
          "[小火|文火]炖一个小时左右，最后大火收汁。",
          "Simmer on [low|gentle] heat for about an hour, then reduce the sauce on high.",
        ),
        p("盐[分两次放|最后再调]，味道更均匀。", "Salt [in two stages|at the end] for more even flavour."),
        p(
          "[铸铁锅|砂锅]保温好，炖肉更容易软烂。",
          "A [cast-iron pot|clay pot] holds heat well, so the meat turns tender more easily.",
        ),
      ],
    },
    {
      id: "cooking.dumplings",
      kw: ["饺子", "dumplings"],
      festival: "solstice",
      titles: [
        p(
          "冬至吃饺子，[这{n}种馅|这几种馅料]你试过吗",
          "Dumplings for the Winter Solstice: tried [these {n}|these] fillings?",
        ),
        p(
          "冬至[包饺子|的饺子]｜[皮怎么擀|馅怎么调]一次学会",
          "Winter Solstice dumplings | [rolling wrappers|mixing fillings] in one go",
        ),
        p(
          "冬至[到了|快到了]，{brand}[教你|陪你]包一锅饺子",
          "The Winter Solstice [is here|is coming]: [{brand} shows you how to make|make] a pot of dumplings [|with {brand}]",
        ),
      ],
      hooks: [
        p(
          "冬至[快到了|就在眼前]，北方吃饺子，南方吃汤圆。",
          "The Winter Solstice is [nearly here|just ahead]: dumplings in the north, tangyuan in the south.",
        ),
        p(
          "“冬至不端饺子碗，冻掉耳朵没人管”，[这句老话|这话]你一定听过。",
          "“Skip dumplings at the Solstice and you'll freeze your ears off”: you've surely heard [that old saying|it].",
        ),
      ],
      points: [
        p(
          "和面时加一点盐，饺子皮会更有[韧劲|嚼劲]。",
          "A pinch of salt in the dough makes wrappers [springier|chewier].",
        ),
        p(
          "[白菜|韭菜]切好后先挤掉水分，馅才不会出汤。",
          "Squeeze the water out of chopped [cabbage|chives] so the filling doesn't turn soupy.",
        ),
        p(
          "肉馅[朝一个方向|顺着一个方向]搅打上劲，中途分次加一点[花椒水|葱姜水]。",
          "Stir the meat [in one direction|the same way round] until it's sticky, adding [Sichuan pepper water|spring-onion and ginger water] bit by bit.",
        ),
        p(
          "煮饺子时水开下锅，[点两次|加两次]凉水，饺子浮起来就熟了。",
          "Drop dumplings into boiling water, [add|splash in] cold water twice, and they're done when they float.",
        ),
        p(
          "[包好的|吃不完的]饺子[先冻硬|单个摆开冻]再装袋，不会粘在一起。",
          "Freeze [spare|leftover] dumplings [until hard|spread out] before bagging so they don't stick.",
        ),
      ],
    },
    {
      id: "cooking.zongzi",
      kw: ["粽子", "zongzi"],
      festival: "dragon",
      titles: [
        p(
          "端午[包粽子|的粽子]｜[粽叶怎么泡|米要泡多久]一次说清",
          "Dragon Boat [zongzi|wrapping] | [soaking the leaves|how long to soak the rice] explained",
        ),
        p(
          "端午安康｜{n}种[家常|南北]粽子做法",
          "Happy Dragon Boat Festival | {n} [home-style|northern and southern] zongzi",
        ),
        p(
          "端午[快到了|将至]，[第一次|自己]包粽子[看这篇|就照着做]",
          "Dragon Boat [is close|is coming]: wrapping zongzi [for the first time|yourself]? [Read this|Follow along]",
        ),
      ],
      hooks: [
        p(
          "端午[快到了|临近]，[群里|后台]好多人在问粽子怎么包。",
          "With the Dragon Boat Festival [close|approaching], lots of people [in the group|in our inbox] ask how to wrap zongzi.",
        ),
        p(
          "[甜粽还是咸粽|咸甜之争]年年都有，今天[不站队|先不争]，只讲怎么包粽子。",
          "[Sweet or savoury|The sweet-versus-savoury debate] comes round every year; today [no sides|no arguing], just how to wrap zongzi.",
        ),
      ],
      points: [
        p(
          "粽叶要提前泡软[再煮一下|]，折的时候不容易裂。",
          "Soak the leaves [and blanch them|] beforehand so they don't split when folded.",
        ),
        p(
          "糯米[泡四个小时以上|提前一晚泡上]，煮的时候更容易熟。",
          "Soak the glutinous rice [for four hours or more|overnight] so it cooks through easily.",
        ),
        p("米和馅料别塞太满，留一点空间给糯米膨胀。", "Don't overfill; leave room for the rice to swell."),
        p(
          "绑线时[稍微|适当]用力，煮的时候才不会散开。",
          "Tie the string [firmly|snugly] so they hold together while boiling.",
        ),
        p(
          "[咸粽|肉粽]的五花肉提前用酱油腌一晚，更入味。",
          "Marinate the pork belly for [savoury|meat] zongzi in soy sauce overnight for more flavour.",
        ),
      ],
    },
    {
      id: "cooking.mooncake",
      kw: ["月饼", "mooncakes"],
      festival: "midautumn",
      titles: [
        p(
          "中秋[自己做月饼|月饼在家做]｜[{n}步搞定|新手也能成功]",
          "Mid-Autumn mooncakes at home | [done in {n} steps|beginners can do it]",
        ),
        p(
          "中秋[快到了|将至]，[冰皮|广式]月饼[教程来了|这样做不回油]",
          "Mid-Autumn is [near|coming]: [snow-skin|Cantonese] mooncakes [tutorial|that won't weep oil]",
        ),
        p(
          "月饼[吃不完|放不住]？[保存方法看这里|中秋后这样吃]",
          "Too many mooncakes? [How to keep them|How to eat them after Mid-Autumn]",
        ),
      ],
      hooks: [
        p(
          "中秋[快到了|临近]，[家里|群里]又开始讨论今年做什么馅的月饼。",
          "With Mid-Autumn [coming|close], [families|the group] are debating this year's mooncake fillings.",
        ),
        p(
          "[买的|送的]月饼年年有，[自己做|亲手做]的月饼更有过节的味道。",
          "[Shop-bought|Gifted] mooncakes come every year, but [homemade|hand-made] mooncakes taste more like the festival.",
        ),
      ],
      points: [
        p(
          "[广式月饼|月饼皮]用转化糖浆，皮才会软、[会回油|颜色好看]。",
          "[Cantonese mooncakes|Mooncake dough] need invert syrup so the crust softens and [weeps oil nicely|colours well].",
        ),
        p(
          "馅和皮的比例[大约|差不多]七比三，新手可以先做六比四。",
          "Filling to dough is [about|roughly] seven to three; beginners can start at six to four.",
        ),
        p(
          "烤之前[喷一点水|表面喷水]，花纹不容易裂。",
          "[Mist with water|Spray the tops] before baking so the pattern doesn't crack.",
        ),
        p(
          "烤好后[密封|装盒]放两天，回油之后更好吃。",
          "[Seal|Box] them for two days after baking; they taste better once the oil comes back.",
        ),
        p(
          "[冰皮月饼|冰皮]要冷藏，[三天内|尽快]吃完。",
          "[Snow-skin mooncakes|Snow-skin] must be chilled and eaten [within three days|soon].",
        ),
      ],
    },
  ],
  tea: [
    {
      id: "tea.greentea",
      kw: ["绿茶", "green tea"],
      months: [3, 4, 5, 6, 7, 8],
      titles: [
        p(
          "[春天|新茶季]喝绿茶，[水温是关键|这{n}点别做错]",
          "Green tea in [spring|new-tea season]: [water temperature is key|don't get these {n} wrong]",
        ),
        p(
          "绿茶[泡出苦味|越泡越苦]？[可能是这个原因|试试降低水温]",
          "Green tea [turning bitter|bitterer and bitterer]? [This may be why|Try cooler water]",
        ),
        p(
          "{brand}茶课｜绿茶[怎么泡|冲泡的{n}个细节]",
          "{brand} tea class | [how to brew|{n} details for brewing] green tea",
        ),
      ],
      hooks: [
        p(
          "[新茶|春茶]陆续上市，[后台|群里]问得最多的就是绿茶怎么泡。",
          "With [new-season|spring] tea arriving, the top question [in our inbox|in the group] is how to brew green tea.",
        ),
        p(
          "绿茶[娇嫩|嫩]，[一点小细节|泡法差一点]，味道就差很多。",
          "Green tea is [delicate|tender], and [one small detail|a slightly different method] changes the taste a lot.",
        ),
      ],
      points: [
        p(
          "水温在八十度左右比较合适，太烫容易把茶泡苦。",
          "Water at about 80°C works well; hotter water turns it bitter.",
        ),
        p(
          "冲泡前先用热水温一下杯子，茶香[更好地|更容易]散发出来。",
          "Warm the cup with hot water first so the aroma [opens up better|comes through more easily].",
        ),
        p(
          "每次投茶[三到五克|一小撮]，可以按口味增减。",
          "Use [three to five grams|a small pinch] each time and adjust to taste.",
        ),
        p(
          "[玻璃杯|透明杯]泡绿茶，能看到茶叶慢慢舒展。",
          "Brew green tea in a [glass|clear cup] and watch the leaves unfurl.",
        ),
        p(
          "[第一泡|头一泡]不用倒掉，绿茶洗茶反而会丢香气。",
          "No need to pour away the [first|first] infusion; rinsing green tea only loses aroma.",
        ),
        p(
          "开封后的绿茶[放冰箱冷藏|密封冷藏]，和其他食物分开。",
          "Once opened, keep green tea [in the fridge|sealed and chilled], away from other food.",
        ),
      ],
    },
    {
      id: "tea.storage",
      kw: ["存茶", "storing tea"],
      titles: [
        p(
          "存茶[最怕这三样|别犯这几个错]，[你家的茶还好吗|一篇说清]",
          "Storing tea: [three things it hates|mistakes to avoid], [how's yours?|all in one post]",
        ),
        p(
          "[白茶|普洱]能越存越好？存茶[先弄清这{n}点|的讲究]",
          "Does [white tea|pu-erh] really get better with age? Storing tea: [{n} things to know|the finer points]",
        ),
        p(
          "[梅雨季|换季]存茶[防潮|小贴士]｜{brand}茶课",
          "Storing tea in [the rainy season|seasonal change]: [keeping it dry|tips] | {brand} tea class",
        ),
      ],
      hooks: [
        p(
          "[买了好茶|茶叶买回家]，存茶[没做好|方法不对]，[一季|几个月]就变味了。",
          "[Buy good tea|Bring tea home], get storing tea [wrong|wrong], and it goes off in [a season|a few months].",
        ),
        p(
          "[不少|很多]茶友问，家里没有专门的茶仓，存茶该怎么办。",
          "[Many|Lots of] tea lovers ask how to go about storing tea without a proper tea store.",
        ),
      ],
      points: [
        p(
          "茶叶怕潮、怕光、怕异味，开封后用密封罐装好。",
          "Tea hates damp, light and smells; once opened, keep it in an airtight tin.",
        ),
        p(
          "[放在|存在]阴凉干燥的地方，[别挨着|远离]厨房和香水。",
          "[Keep it|Store it] somewhere cool and dry, [away from|not next to] the kitchen and perfume.",
        ),
        p(
          "[绿茶|绿茶和黄茶]适合冷藏，白茶和黑茶常温存放就可以。",
          "[Green tea|Green and yellow tea] suits the fridge; white and dark tea are fine at room temperature.",
        ),
        p(
          "[大包装|整饼]的茶[分成小份|拆一部分出来]，日常喝的放小罐，减少开合次数。",
          "Split [large bags|whole cakes] [into small portions|partly] and keep daily tea in a small tin to open it less.",
        ),
        p(
          "[梅雨季|回南天]隔一段时间检查一次，有异味[及时|马上]处理。",
          "In [the rainy season|humid spells], check now and then and deal with any odd smell [promptly|at once].",
        ),
      ],
    },
    {
      id: "tea.gaiwan",
      kw: ["盖碗", "gaiwan"],
      titles: [
        p(
          "[新手|刚学泡茶]用盖碗[总烫手|手忙脚乱]？[记住这{n}个动作|手势在这里]",
          "[New|Just learning] to use a gaiwan and [burning your fingers|all thumbs]? [Remember these {n} moves|here's the grip]",
        ),
        p(
          "一只盖碗[泡遍|能泡]六大茶类，[怎么选|怎么用]看这篇",
          "One gaiwan for [all|every one of] six tea types: [how to choose|how to use] it",
        ),
        p(
          "盖碗[多大合适|选瓷还是选玻璃]？{brand}[茶老师|老师]这样说",
          "What size gaiwan, [|porcelain or glass]? {brand}'s [tea teacher|teacher] explains",
        ),
      ],
      hooks: [
        p(
          "如果你刚开始学泡茶，[一只简单的|一套]盖碗是很好的起点。",
          "If you're just starting to brew tea, [a simple|a] gaiwan is a great place to begin.",
        ),
        p(
          "盖碗[看着简单|不起眼]，[用得好|用顺手]却要练一阵子。",
          "The gaiwan [looks simple|is unassuming], but [using it well|getting the hang of it] takes practice.",
        ),
      ],
      points: [
        p(
          "[新手|刚开始]选一百毫升左右的盖碗，不容易烫手。",
          "[Beginners|To start], pick a gaiwan of about 100 ml; it's less likely to burn you.",
        ),
        p(
          "注水[八分满|到碗沿下一点]就够，太满[出汤|倒茶]时容易烫。",
          "Fill to [about 80%|just below the rim]; too full and [pouring|serving] gets hot.",
        ),
        p(
          "[拇指和中指|两指]捏住碗沿，食指轻按碗盖，[留一条缝|斜一点]出汤。",
          "Hold the rim with [thumb and middle finger|two fingers], rest your index on the lid and [leave a gap|tilt it] to pour.",
        ),
        p(
          "白瓷盖碗能看清汤色，[用来学|新手用]最合适。",
          "A white porcelain gaiwan shows the colour clearly, [ideal for learning|best for beginners].",
        ),
        p(
          "[用完|泡完茶]及时清洗晾干，别让茶渍积下来。",
          "Wash and dry it [after use|after brewing] so stains don't build up.",
        ),
      ],
    },
    {
      id: "tea.midautumn",
      kw: ["茶礼", "tea gifts"],
      festival: "midautumn",
      titles: [
        p(
          "中秋茶礼[怎么选|送长辈]？[{n}款|这几款]{brand}推荐",
          "Mid-Autumn tea gifts [: how to choose|for elders]? [{n}|A few] picks from {brand}",
        ),
        p(
          "中秋[送茶|茶礼]｜[配月饼|月饼配]什么茶最解腻",
          "Mid-Autumn [tea gifts|tea] | which tea cuts through mooncakes best",
        ),
        p(
          "中秋茶礼[预订开启|提前订]，[{thing}|礼盒]发货时间看这里",
          "Mid-Autumn tea gift [orders open|pre-orders]: when [{thing}|gift boxes] ship",
        ),
      ],
      hooks: [
        p(
          "中秋[快到了|临近]，[后台|群里]不少人在问茶礼怎么挑。",
          "With Mid-Autumn [coming|close], many [in our inbox|in the group] ask how to choose tea gifts.",
        ),
        p(
          "[送长辈|走亲戚]，茶礼[一直是|往往是]不会出错的选择。",
          "[For elders|For family visits], tea gifts [have always been|are usually] a safe choice.",
        ),
      ],
      points: [
        p(
          "[送长辈|给老人]选口感醇和的，比如熟普或者老白茶。",
          "[For elders|For older relatives], pick something mellow, like ripe pu-erh or aged white tea.",
        ),
        p(
          "月饼偏甜，配一壶乌龙或者红茶[正好|刚好]解腻。",
          "Mooncakes are sweet; a pot of oolong or black tea cuts the richness [nicely|just right].",
        ),
        p(
          "{thing}今年[换了新包装|做了小罐装]，送人[更方便|更体面]。",
          "{thing} has [new packaging|small tins] this year, [easier|nicer] to give.",
        ),
        p(
          "[外地|异地]送礼的，[建议|最好]提前一周下单，留出快递时间。",
          "Sending [out of town|to another city]? [Order|Best order] a week ahead to allow for delivery.",
        ),
        p(
          "[礼盒|茶礼]可以附[一张|手写]卡片，我们[免费代写|帮你写好]。",
          "[Gift boxes|Tea gifts] can come with [a|a handwritten] card; we'll [write it for free|write it for you].",
        ),
      ],
    },
  ],
  reading: [
    {
      id: "reading.habit",
      kw: ["阅读习惯", "reading habit"],
      titles: [
        p(
          "[忙|没时间]也能读完一本书｜[养成|坚持]阅读习惯的{n}个办法",
          "[Busy|No time] but still finishing books | {n} ways to [build|keep] a reading habit",
        ),
        p(
          "阅读习惯[不是|从来不是]靠意志力[撑|坚持]出来的",
          "A reading habit [isn't|is never] built on willpower alone",
        ),
        p(
          "{brand}共读[第一周|一个月]：[大家的阅读习惯变了吗|我们发现了什么]",
          "{brand} reading-together, [week one|one month in]: [has your reading habit changed?|what we found]",
        ),
      ],
      hooks: [
        p(
          "[年初|每年]立下的读书目标，[到现在|这会儿]完成了多少？",
          "How much of [this year's|the] reading goal set [in January|at the start] is done [by now|so far]?",
        ),
        p(
          "[很多|不少]读者说，不是不想读，而是[拿起手机就放不下|总被打断]，阅读习惯[很难|始终]没养成。",
          "[Many|Lots of] readers say it's not that they don't want to read; they [can't put their phone down|keep getting interrupted], so a reading habit [never sticks|never forms].",
        ),
      ],
      points: [
        p(
          "每天[固定|留出]一段时间，哪怕只有十五分钟。",
          "[Fix|Set aside] a time each day, even just fifteen minutes.",
        ),
        p(
          "书[放在|摆在]最顺手的地方，床头、包里、餐桌上。",
          "Keep a book [within reach|where your hand falls]: bedside, bag, dining table.",
        ),
        p(
          "[读不下去|不喜欢]的书可以放下，不必[硬读完|强迫自己]。",
          "It's fine to put down a book you [can't get into|don't enjoy]; no need to [force your way through|push yourself].",
        ),
        p(
          "读完一章[写一两句|随手记一句]感想，比[划线|做摘抄]更能留下印象。",
          "[Writing a line or two|Jotting one line] after each chapter sticks better than [underlining|copying out quotes].",
        ),
        p(
          "找几个人一起[读|共读]，互相[督促|打卡]会容易很多。",
          "[Reading|Reading together] with a few others, [nudging|checking in with] each other, makes it much easier.",
        ),
        p(
          "[睡前|通勤路上]把手机换成书，[一周|几天]就能感觉到变化。",
          "Swap your phone for a book [at bedtime|on the commute]; you'll feel the difference within [a week|days].",
        ),
      ],
    },
    {
      id: "reading.notes",
      kw: ["读书笔记", "reading notes"],
      titles: [
        p(
          "读书笔记[怎么写|写什么]？[{n}个模板|这个方法]拿去就能用",
          "Reading notes: [how to write them|what to write]? [{n} templates|This method], ready to use",
        ),
        p(
          "[读完就忘|看完记不住]？读书笔记[这样做|可能做错了]",
          "[Forget as soon as you finish|Can't remember what you read]? Reading notes [done like this|may be the problem]",
        ),
        p(
          "读书笔记[不必|不用]很长，[三句话就够|关键是这一步]",
          "Reading notes [needn't|don't have to] be long: [three sentences will do|the key is this step]",
        ),
      ],
      hooks: [
        p(
          "[共读群|留言区]里常有人问：读书笔记到底要不要写？",
          "Someone in the [reading group|comments] always asks: should you write reading notes at all?",
        ),
        p(
          "[很多人|不少人]的读书笔记[变成了|最后成了]摘抄本。",
          "For [many|plenty of] people, reading notes [turn into|end up as] a book of quotes.",
        ),
      ],
      points: [
        p(
          "先写这本书[讲了什么|的主要观点]，用自己的话，不超过三句。",
          "First write [what the book says|its main idea] in your own words, three sentences at most.",
        ),
        p(
          "再写[一个|一处]让你[停下来想|有触动]的地方，以及为什么。",
          "Then note [one|one] place that made you [stop and think|feel something], and why.",
        ),
        p(
          "最后写一件[读完想做的事|可以马上试的事]，笔记才算落地。",
          "Finish with one thing you [want to do after reading|can try right away]; that's what makes notes useful.",
        ),
        p(
          "[摘抄|金句]可以有，但[别|不要]只有摘抄。",
          "[Quotes|Favourite lines] are fine, but [don't|never] let them be all there is.",
        ),
        p(
          "隔一个月[翻一翻|回看]之前的读书笔记，会有新的理解。",
          "[Flip back through|Reread] old reading notes a month later and you'll see them anew.",
        ),
      ],
    },
    {
      id: "reading.picturebook",
      kw: ["绘本", "picture books"],
      titles: [
        p(
          "[本周|这个月]书单：{n}本适合亲子共读的绘本",
          "[This week's|This month's] list: {n} picture books to read together",
        ),
        p(
          "[给孩子|陪孩子]读绘本，[别只念字|这样读更有意思]",
          "Reading picture books [to|with] your child: [more than the words|a livelier way]",
        ),
        p(
          "绘本[怎么挑|选得对]？[按年龄看这篇|{brand}的{n}个标准]",
          "How to [choose|pick the right] picture books: [by age|{brand}'s {n} tests]",
        ),
      ],
      hooks: [
        p(
          "[睡前|周末]和孩子一起读绘本，是很多家庭[最温馨|最放松]的时光。",
          "Reading picture books together [at bedtime|at weekends] is the [cosiest|most relaxed] time for many families.",
        ),
        p(
          "[书店里|网上]的绘本[太多|五花八门]，[挑花了眼|不知道怎么选]的家长不少。",
          "There are [so many|all sorts of] picture books [in shops|online] that plenty of parents [are spoilt for choice|don't know where to start].",
        ),
      ],
      points: [
        p(
          "[两三岁|小一点]的孩子选画面大、字少的，[重复的句式|反复出现的句子]更受欢迎。",
          "For [two- and three-year-olds|little ones], pick big pictures and few words; [repeating patterns|repeated lines] go down well.",
        ),
        p(
          "读的时候[停下来|留点时间]问问孩子“接下来会怎样”。",
          "[Pause|Leave room] while reading to ask, “What happens next?”",
        ),
        p(
          "让孩子自己[翻页|挑书]，他会更投入。",
          "Let the child [turn the pages|choose the book]; they'll be more engaged.",
        ),
        p(
          "同一本绘本[反复读|读很多遍]很正常，孩子每次都有新发现。",
          "Reading the same book [again and again|many times] is normal; kids find something new each time.",
        ),
        p(
          "[不必|不用]追求读得多，关键是每天有一段固定的时间。",
          "It's not about [reading|getting through] lots; what matters is a regular time each day.",
        ),
      ],
    },
    {
      id: "reading.yearlist",
      kw: ["年度书单", "books of the year"],
      festival: "yearend",
      titles: [
        p(
          "{brand}年度书单｜[这一年|今年]我们一起读过的{n}本书",
          "{brand} books of the year | {n} books we read together [this year|in the past year]",
        ),
        p(
          "年度书单[来了|出炉]：[读者投票|留言区]选出的[好书|最爱]",
          "Books of the year [are here|are out]: [reader-voted|comment-picked] [favourites|best reads]",
        ),
        p(
          "[年终|年底]盘点｜年度书单和[明年的|新一年]共读计划",
          "[Year-end|December] round-up | books of the year and [next year's|the new year's] reading plan",
        ),
      ],
      hooks: [
        p(
          "[一年快过完了|年底到了]，照例和大家一起整理年度书单。",
          "[The year is nearly over|It's year's end], so as usual we're putting together our books of the year.",
        ),
        p(
          "今年共读群[一起读了|读完了]不少书，[留言区|投票里]大家选出了[心中的|自己的]年度书单。",
          "The reading group [got through|finished] plenty this year, and [the comments|the vote] picked [your|our] books of the year.",
        ),
      ],
      points: [
        p(
          "[票数最高的|排第一的]是一本[小说|散文集]，很多人说[读了两遍|一口气读完]。",
          "The [top-voted|number-one] book is a [novel|collection of essays]; many say they [read it twice|finished it in one sitting].",
        ),
        p(
          "书单里[有|也有]几本[不太好读|有点难啃]的，[建议|可以]放在假期慢慢读。",
          "A few on the list are [harder going|tough reads]; [save|try] them for the holidays.",
        ),
        p(
          "明年的共读计划[一月|元旦后]公布，[想读的书|书目建议]可以在留言区提。",
          "Next year's reading plan comes out [in January|after New Year]; suggest [books|titles] in the comments.",
        ),
        p(
          "[每本书|书单里的书]都附了[一句|短短的]推荐语，[方便|供]大家挑选。",
          "[Each book|Every title] comes with [a one-line|a short] recommendation to help you choose.",
        ),
      ],
    },
  ],
  language: [
    {
      id: "language.vocab",
      kw: ["背单词", "learning vocabulary"],
      titles: [
        p(
          "背单词[总是忘|背了就忘]？[试试这{n}个方法|问题可能在这里]",
          "[Forget words as fast as you learn them|Keep forgetting] when learning vocabulary? [Try these {n} methods|Here's the likely problem]",
        ),
        p(
          "背单词[别再|不用]死记硬背了｜{brand}老师的[记忆法|小技巧]",
          "Learning vocabulary [without|beyond] rote memorising | {brand} teachers' [memory tricks|tips]",
        ),
        p(
          "[每天|一天]{n}个词，背单词[也能|可以]坚持下来",
          "{n} words [a day|daily]: learning vocabulary you can actually stick with",
        ),
      ],
      hooks: [
        p(
          "[打卡群里|后台]问得最多的：背单词为什么总记不住？",
          "The most asked question [in the check-in group|in our inbox]: why won't the words stick when learning vocabulary?",
        ),
        p(
          "背单词[几乎是|是]每个学外语的人[都绕不开|必经]的一关。",
          "Learning vocabulary is a hurdle [almost every|every] language learner [must clear|faces].",
        ),
      ],
      points: [
        p(
          "[把单词|单词]放进句子里记，比单独记一个词[牢|管用]得多。",
          "Learning [words|a word] in a sentence sticks far [better|more] than the word alone.",
        ),
        p(
          "按遗忘曲线复习：第二天、第四天、一周后各[过一遍|看一次]。",
          "Review along the forgetting curve: [go over|look at] them on day two, day four and after a week.",
        ),
        p(
          "[每天|一天]量不用大，二三十个就好，关键是天天[不断|坚持]。",
          "[Daily|Each day's] amount needn't be big, twenty or thirty is fine; what matters is [never breaking the chain|keeping at it].",
        ),
        p(
          "[读出声|大声读]来，耳朵和嘴一起记。",
          "[Say them aloud|Read them out loud], so ears and mouth remember too.",
        ),
        p(
          "[记不住的词|反复忘的词]单独[列一张表|做成卡片]，碎片时间拿出来看。",
          "Put [stubborn words|words you keep forgetting] on [a separate list|cards] for spare moments.",
        ),
        p(
          "[学完|背完]马上用，写一句话或者说给别人听。",
          "Use them [straight after learning|right away]: write a sentence or say it to someone.",
        ),
      ],
    },
    {
      id: "language.speaking",
      kw: ["口语", "speaking"],
      titles: [
        p(
          "口语[不敢开口|张不开嘴]？[从这{n}步开始|先做这件事]",
          "[Afraid to|Can't bring yourself to] open your mouth when speaking? [Start with these {n} steps|Do this first]",
        ),
        p(
          "[没有语言环境|身边没人说]，口语[怎么练|也能进步]",
          "[No immersion|Nobody to talk to]: [how to practise|you can still improve] speaking",
        ),
        p(
          "口语[陪练课|练习]｜[学员的{n}个变化|三个月前后对比]",
          "Speaking [practice sessions|practice] | [{n} changes in our students|three months, before and after]",
        ),
      ],
      hooks: [
        p(
          "[不少|很多]学员说，单词背了不少，[一到|真要]开口[就卡住|脑子就空白]，口语[成了|始终是]短板。",
          "[Many|Lots of] students say they know plenty of words, but [the moment|when] they have to speak they [freeze|go blank]; speaking [has become|is still] the weak spot.",
        ),
        p(
          "口语[进步慢|提升难]，[往往|很多时候]不是[词汇量|语法]的问题，而是开口太少。",
          "Slow progress in speaking is [often|usually] not about [vocabulary|grammar] but about talking too little.",
        ),
      ],
      points: [
        p(
          "每天[跟读|模仿]一段一分钟的音频，[语调|节奏]跟着原声走。",
          "[Shadow|Imitate] a one-minute clip every day, following the original's [intonation|rhythm].",
        ),
        p(
          "[录下|录]自己的声音回听，[问题|毛病]一下就能听出来。",
          "[Record|Tape] yourself and listen back; [problems|mistakes] jump out at once.",
        ),
        p(
          "先说[简单句|短句]，说对比说复杂更重要。",
          "Start with [simple|short] sentences; saying it right beats saying it fancy.",
        ),
        p(
          "[说错了|卡住了]也接着说，[对方|老师]能听懂就是成功。",
          "Keep going even when you [slip|get stuck]; if [the listener|the teacher] understands, it worked.",
        ),
        p(
          "把[一天里做的事|今天的安排]用外语说给自己听。",
          "Narrate [what you did today|today's plans] to yourself in the language.",
        ),
      ],
    },
    {
      id: "language.listening",
      kw: ["精听", "intensive listening"],
      titles: [
        p(
          "精听[怎么练|到底有没有用]？[一篇讲透|{n}个步骤]",
          "Intensive listening: [how to do it|does it work]? [All explained|{n} steps]",
        ),
        p(
          "[每天|一天]二十分钟精听，[坚持一个月|三十天后]听力有什么变化",
          "Twenty minutes of intensive listening [a day|daily]: what changes [after a month|in thirty days]",
        ),
        p(
          "精听[材料怎么选|选什么材料]｜{brand}老师[推荐|整理]",
          "Intensive listening: [how to pick material|what to listen to] | [picks|a list] from {brand} teachers",
        ),
      ],
      hooks: [
        p(
          "听力[卡在瓶颈|上不去]的时候，精听[往往|通常]是突破口。",
          "When listening [plateaus|stalls], intensive listening is [often|usually] the way through.",
        ),
        p(
          "[很多|不少]同学把“听过”当成“听懂”，精听就是[补|解决]这一块。",
          "[Many|Plenty of] learners mistake “heard it” for “understood it”; intensive listening [fills|fixes] that gap.",
        ),
      ],
      points: [
        p(
          "材料选一两分钟的，[难度|语速]比自己的水平稍高一点。",
          "Pick one- or two-minute clips, [a level|a speed] slightly above your own.",
        ),
        p(
          "第一遍[不看文本|盲听]，记下听到的大意。",
          "First pass [without the transcript|blind], note the gist.",
        ),
        p(
          "第二遍[逐句|一句一句]听写，[听不出|听不清]的地方标出来。",
          "Second pass, dictate [line by line|sentence by sentence], marking what you [can't catch|miss].",
        ),
        p(
          "对照原文找出[没听出来的|漏掉的]词，[弄清是|看看是]不认识还是连读。",
          "Check against the text for [the words you missed|gaps] and [work out whether|see if] it's vocabulary or linking.",
        ),
        p(
          "最后[跟读|不看文本再听]几遍，直到每句都听得清。",
          "Finally, [shadow|listen again without the text] until every line is clear.",
        ),
      ],
    },
    {
      id: "language.newyear",
      kw: ["新年计划", "New Year plan"],
      festival: "newyear",
      titles: [
        p(
          "新年计划[写了吗|定好了吗]？[给你的语言学习|外语学习]{n}个建议",
          "[Written|Set] your New Year plan? {n} tips for [your language learning|learning a language]",
        ),
        p(
          "[今年的|新一年]新年计划，[别再|不要]只写“学好英语”",
          "[This year's|The new year's] New Year plan: [stop writing|don't just write] “get good at English”",
        ),
        p(
          "元旦[打卡营|新年计划营]开营｜[和{brand}一起|一起]定个能完成的目标",
          "New Year [check-in camp|plan camp] opens | set a goal you can finish [with {brand}|together]",
        ),
      ],
      hooks: [
        p(
          "元旦[快到了|将至]，又到了写新年计划的时候。",
          "New Year's Day is [nearly here|coming], so it's time to write a New Year plan.",
        ),
        p(
          "[去年|每年]的新年计划，[有多少|几条]是真正完成了的？",
          "How much of [last year's|every year's] New Year plan actually got done?",
        ),
      ],
      points: [
        p(
          "目标[写具体|越具体越好]：比如“每天听十分钟”，而不是“提高听力”。",
          "Make goals [specific|as specific as possible]: “ten minutes of listening a day”, not “improve listening”.",
        ),
        p(
          "[一年的目标|大目标]拆成[每个月|每周]的小任务。",
          "Break [the year's goal|big goals] into [monthly|weekly] tasks.",
        ),
        p(
          "[给自己|设]一个[检查点|复盘日]，比如每个月最后一天。",
          "Give yourself a [checkpoint|review day], say the last day of each month.",
        ),
        p(
          "[找个|拉个]学习搭子，互相监督[更容易坚持|坚持下来的概率高很多]。",
          "[Find|Team up with] a study buddy; holding each other to it [makes it easier|greatly improves the odds].",
        ),
      ],
    },
  ],
  home: [
    {
      id: "home.wardrobe",
      kw: ["衣柜收纳", "wardrobe storage"],
      titles: [
        p(
          "衣柜收纳的{n}个小技巧，[换季不再头疼|小衣柜也够用]",
          "{n} wardrobe storage tricks: [no more seasonal headaches|even a small wardrobe is enough]",
        ),
        p(
          "衣柜收纳[总是乱|越理越乱]？[先从这一步开始|可能分类错了]",
          "Wardrobe storage [always messy|messier the more you tidy]? [Start with this step|Your categories may be wrong]",
        ),
        p(
          "[换季|周末]衣柜收纳｜[跟着{brand}整理师|一个下午]搞定",
          "[Seasonal|Weekend] wardrobe storage | done [with a {brand} organiser|in an afternoon]",
        ),
      ],
      hooks: [
        p(
          "[一换季|每到换季]，衣柜收纳就成了[头等大事|最让人头疼的事]。",
          "[At every change of season|Each season], wardrobe storage becomes [job number one|the biggest headache].",
        ),
        p(
          "衣柜[塞得满满的|越来越挤]，却总觉得[没衣服穿|找不到想穿的]？衣柜收纳[该|是时候]动一动了。",
          "A [stuffed|crammed] wardrobe, yet [nothing to wear|never the thing you want]? Time to rethink your wardrobe storage.",
        ),
      ],
      points: [
        p(
          "按使用频率分区，常穿的放在伸手就能拿到的位置。",
          "Zone by how often you wear things; everyday clothes go within easy reach.",
        ),
        p(
          "换季衣物[收进|放到]上层或收纳箱，[贴上标签|写清楚是什么]。",
          "Put off-season clothes [in|on] the top shelf or boxes, [labelled|marked clearly].",
        ),
        p(
          "[T恤|毛衣]竖着叠放，[一眼|拉开抽屉]就能看到每一件。",
          "Fold [T-shirts|jumpers] upright so you can see each one [at a glance|when the drawer opens].",
        ),
        p(
          "[一年|两季]没穿过的衣服，[可以考虑|不妨]捐掉或者送人。",
          "Clothes unworn for [a year|two seasons] can [go|be given away] to charity or friends.",
        ),
        p(
          "衣架[统一|换成同一种]，衣柜[立刻|马上]整齐一半。",
          "[Matching|Switching to one kind of] hangers makes the wardrobe look [instantly|at once] half as messy.",
        ),
        p(
          "给每一类物品固定一个“家”，[用完|穿完]放回原处。",
          "Give each type of item a fixed “home” and put it back [after use|after wearing].",
        ),
      ],
    },
    {
      id: "home.damp",
      kw: ["防潮", "damp-proofing"],
      months: [3, 4, 5, 6, 7],
      titles: [
        p(
          "[梅雨季|回南天]来了，家里防潮[记住这{n}点|别等发霉了才想起]",
          "[Rainy season|Humid spell] is here: [remember these {n} damp-proofing points|don't wait for mould to think of damp-proofing]",
        ),
        p(
          "防潮[不只是|不光是]开除湿机，[这些角落|{n}个地方]最容易发霉",
          "Damp-proofing [is more than|isn't just] running a dehumidifier: [these corners|{n} spots] mould first",
        ),
        p(
          "{brand}[整理师|]防潮清单｜[衣柜、鞋柜、厨房|一个都别落下]",
          "{brand} [organisers'|] damp-proofing checklist | [wardrobe, shoe cabinet, kitchen|leave nothing out]",
        ),
      ],
      hooks: [
        p(
          "[这几天|最近]墙面[湿漉漉的|反潮]，[衣服晾不干|地板发黏]，防潮[要提上日程了|该做了]。",
          "Walls [have been damp|sweating] [lately|this week], [washing won't dry|floors feel sticky]: damp-proofing [is now urgent|needs doing].",
        ),
        p(
          "[南方|不少地方]进入潮湿季节，防潮[做晚了|没做好]，[衣柜|鞋柜]就容易发霉。",
          "[The south|Many places] are entering the damp season; get damp-proofing [late|wrong] and [wardrobes|shoe cabinets] go mouldy.",
        ),
      ],
      points: [
        p(
          "[回南天|潮湿天]早晚关窗，中午[干燥一点|湿度低]的时候再开窗通风。",
          "On [humid|damp] days, shut windows morning and evening and air the rooms around midday [when it's drier|when humidity drops].",
        ),
        p(
          "衣柜和鞋柜里放几包除湿袋，[满了|集满水]及时换。",
          "Put a few moisture absorbers in wardrobes and shoe cabinets and swap them [when full|once they fill with water].",
        ),
        p(
          "[衣物|被子]收纳前[一定要|务必]晒干，[半干|没干透]的最容易长霉。",
          "[Clothes|Bedding] must be [completely|fully] dry before storing; [half-dry|damp] items mould fastest.",
        ),
        p(
          "[卫生间|厨房]用完[随手|记得]开排风扇。",
          "[Remember to|Always] run the extractor fan after using the [bathroom|kitchen].",
        ),
        p(
          "[皮鞋和包包|皮具]塞点报纸，[吸潮|定期拿出来透透气]。",
          "Stuff [leather shoes and bags|leather goods] with newspaper and [let it absorb the damp|air them regularly].",
        ),
      ],
    },
    {
      id: "home.kitchen",
      kw: ["厨房收纳", "kitchen storage"],
      titles: [
        p(
          "厨房收纳[做好了|做对了]，做饭[都快了一半|心情都变好]",
          "Get kitchen storage [sorted|right] and cooking [goes twice as fast|feels better]",
        ),
        p(
          "小厨房[怎么收纳|放不下]？[这{n}个思路|墙面和柜门别浪费]",
          "A small kitchen [to organise|that won't fit everything]? [These {n} ideas|don't waste walls and doors]: kitchen storage",
        ),
        p(
          "厨房收纳｜[台面|水槽下]这样[整理|利用]，[清爽|好用]多了",
          "Kitchen storage | organise [the worktop|under the sink] like this and it's [cleaner|handier]",
        ),
      ],
      hooks: [
        p(
          "[台面上|灶台边]的瓶瓶罐罐越来越多，厨房收纳[是时候|该]理一理了。",
          "More and more bottles crowd [the worktop|the hob]; it's time to sort out kitchen storage.",
        ),
        p(
          "[厨房|做饭的地方]最怕[乱|东西找不到]，厨房收纳[好不好|做得怎样]直接影响做饭的心情。",
          "A kitchen's worst enemy is [mess|not finding things]; how good your kitchen storage is shapes the cooking mood.",
        ),
      ],
      points: [
        p(
          "台面[只留|只放]每天要用的，[其他|不常用的]收进柜子。",
          "Keep [only|just] daily items on the worktop and put the [rest|occasional ones] away.",
        ),
        p(
          "调料按[使用顺序|常用程度]排好，[炒菜|做饭]时伸手就拿。",
          "Line up seasonings by [order of use|how often you use them], ready to grab while [cooking|at the hob].",
        ),
        p(
          "[水槽下|柜子里]加一层架子，空间[能多出|多出]一半。",
          "Add a shelf [under the sink|inside the cupboard] and gain half as much space again.",
        ),
        p(
          "[干货|米面]用密封罐装好，[贴上日期|写上开封日期]。",
          "Keep [dry goods|rice and flour] in airtight jars, [dated|labelled with the opening date].",
        ),
        p(
          "[墙面|柜门内侧]装挂钩，[锅铲|量杯]挂起来[省地方|一目了然]。",
          "Hooks on [the wall|the inside of doors] hold [spatulas|measuring cups], [saving space|in plain sight].",
        ),
      ],
    },
    {
      id: "home.newyear",
      kw: ["大扫除", "big clean"],
      festival: "spring",
      titles: [
        p(
          "年前大扫除[别一次干完|按这个顺序来]，[{n}天|轻松]搞定",
          "Pre-New-Year big clean: [don't do it all at once|go in this order], done [in {n} days|easily]",
        ),
        p(
          "大扫除[清单|攻略]来了｜[过年|春节]前[家里|每个房间]焕然一新",
          "The big clean [checklist|guide] | a fresh [home|room by room] before [the New Year|Spring Festival]",
        ),
        p(
          "[过年|春节]大扫除，[这些地方|{n}个角落]最容易漏掉",
          "[New Year|Spring Festival] big clean: [places|{n} corners] most often missed",
        ),
      ],
      hooks: [
        p(
          "[离过年|春节]越来越近，[家家户户|很多家庭]开始年前大扫除。",
          "With [the New Year|Spring Festival] drawing near, [households everywhere|many families] are starting the big clean.",
        ),
        p(
          "大扫除[一拖再拖|总想着周末再说]？[趁着|不如趁]这几天[分步骤|一点点]做起来。",
          "Putting off the big clean [again|until the weekend]? [Use|Why not use] these days to do it [in steps|bit by bit].",
        ),
      ],
      points: [
        p(
          "[从上往下|从里往外]扫，先高处后地面，[省得|免得]重复劳动。",
          "Clean [top to bottom|inside out], high places before floors, [to avoid|so you don't] redo work.",
        ),
        p(
          "[按房间|每天一个区域]分几天做完，不用[一天累垮|硬撑]。",
          "Spread it over several days [room by room|one area a day], no need to [wear yourself out|push through].",
        ),
        p(
          "[抽油烟机|灶台]的油污用热水加[小苏打|洗洁精]先泡一泡。",
          "Soak grease on [the extractor hood|the hob] with hot water and [baking soda|washing-up liquid] first.",
        ),
        p(
          "[窗帘|沙发套]能拆洗的[先洗|早点洗]，留出晾干的时间。",
          "Wash removable [curtains|sofa covers] [first|early] to leave drying time.",
        ),
        p(
          "扫除[顺便|的同时]断舍离，[过期的|不用的]东西[一并|趁机]清掉。",
          "Declutter [as you go|alongside], clearing out [expired|unused] things [too|while you're at it].",
        ),
      ],
    },
  ],
  yoga: [
    {
      id: "yoga.breath",
      kw: ["呼吸", "breathing"],
      titles: [
        p(
          "[新手|初学]瑜伽，[先学会|从]呼吸[开始|]｜{n}个练习",
          "[New to|Starting] yoga? Begin with breathing | {n} exercises",
        ),
        p(
          "[练了半年|总是练不好]？[可能是|问题在]呼吸没跟上",
          "[Six months in|Still not getting it]? [It may be|The problem is] your breathing",
        ),
        p(
          "[睡前|午休]五分钟呼吸练习，[放松|安神]又[简单|好上手]",
          "Five minutes of breathing [at bedtime|at lunch]: [relaxing|calming] and [simple|easy to start]",
        ),
      ],
      hooks: [
        p(
          "[课上|后台]常有同学问：做体式的时候，呼吸[该怎么配合|总是乱]？",
          "Students [in class|in our inbox] often ask how breathing [fits with|keeps going wrong in] the poses.",
        ),
        p(
          "呼吸是瑜伽里[最基础|最容易被忽略]的一部分。",
          "Breathing is the [most basic|most overlooked] part of yoga.",
        ),
      ],
      points: [
        p(
          "从腹式呼吸开始，一只手放在腹部，吸气时感受腹部慢慢鼓起。",
          "Start with belly breathing: hand on your stomach, feel it rise slowly as you breathe in.",
        ),
        p(
          "呼气[比吸气长一点|稍微放慢]，身体会更快放松下来。",
          "Make the out-breath [a little longer than the in-breath|slightly slower], and the body relaxes faster.",
        ),
        p(
          "[做体式|练习]时不要憋气，[动作|体式]跟着呼吸走。",
          "Don't hold your breath [in poses|while practising]; let the [movement|pose] follow the breath.",
        ),
        p(
          "[每天|一天]练几分钟就好，[不必|不用]追求时长。",
          "A few minutes [a day|daily] is enough; [no need|don't] chase long sessions.",
        ),
        p(
          "[感到|如果觉得]头晕就停下来，恢复自然呼吸。",
          "[If you feel|Should you feel] dizzy, stop and return to natural breathing.",
        ),
      ],
    },
    {
      id: "yoga.neck",
      kw: ["肩颈", "neck and shoulders"],
      titles: [
        p(
          "[久坐|上班族]肩颈[僵硬|酸痛]？[{n}个动作|这套动作]工位上就能做",
          "Stiff neck and shoulders [from sitting|at the office]? [{n} moves|A routine] you can do at your desk",
        ),
        p(
          "肩颈[放松|舒展][{n}分钟|小练习]｜[午休|下班后]跟着做",
          "[Relax|Loosen] neck and shoulders [in {n} minutes|with a short practice] | for [lunch break|after work]",
        ),
        p(
          "肩颈[越按越疼|老是紧]？[试试|先做]这几个瑜伽体式",
          "Neck and shoulders [sorer the more you rub|always tight]? [Try|Start with] these yoga poses",
        ),
      ],
      hooks: [
        p(
          "[对着电脑|低头看手机]一整天，肩颈[像压了块石头|硬得像木板]。",
          "[A day at the screen|Hours over your phone] leaves the neck and shoulders [feeling like stone|stiff as a board].",
        ),
        p(
          "[训练营|课上]的同学里，十个有八个都有肩颈问题。",
          "Eight out of ten in [the camp|class] have neck and shoulder trouble.",
        ),
      ],
      points: [
        p(
          "[坐直|坐好]，慢慢把头[转向|侧向]一边，停留五个呼吸再换边。",
          "[Sit tall|Sit well] and slowly [turn|tilt] your head to one side, hold for five breaths, then switch.",
        ),
        p(
          "双手在背后[十指相扣|交握]，[打开胸口|挺胸]，肩膀往下沉。",
          "[Interlace your fingers|Clasp your hands] behind you, [open the chest|lift the chest] and draw the shoulders down.",
        ),
        p(
          "[猫牛式|猫式]做十次，让脊柱[一节节|慢慢]活动起来。",
          "Do ten rounds of [cat-cow|cat pose] to move the spine [bit by bit|slowly].",
        ),
        p(
          "动作幅度[不用大|小一点]，[有拉伸感|感到舒服]就够了。",
          "Movements can be [small|gentle]; [a stretch|comfort] is enough.",
        ),
        p(
          "[每隔一小时|每坐一小时]起来活动一下，比[下班后|周末]一次练很久更有用。",
          "Getting up [every hour|after each hour of sitting] helps more than one long session [after work|at weekends].",
        ),
        p(
          "[手臂发麻|疼痛加重]的话，[建议|最好]去医院查一查。",
          "If [your arms go numb|pain gets worse], [see|it's best to see] a doctor.",
        ),
      ],
    },
    {
      id: "yoga.morning",
      kw: ["晨练", "morning practice"],
      titles: [
        p(
          "[早起|起床后]{n}分钟晨练，[一整天|一天]精神都好",
          "{n}-minute morning practice [when you rise|after getting up] for a brighter day",
        ),
        p(
          "晨练[空腹还是|要不要]吃点东西？[老师这样建议|看这篇]",
          "Morning practice: [empty stomach or|should you] eat first? [The teacher suggests|Read this]",
        ),
        p(
          "{brand}晨练[打卡|课]｜[第{n}天|这周]的[序列|动作]来了",
          "{brand} morning practice [check-in|class] | [day {n}'s|this week's] [sequence|moves]",
        ),
      ],
      hooks: [
        p(
          "[晨练群|打卡群]里，[每天|一早]第一个打卡的[总是|常常]是那几位。",
          "In the [morning practice|check-in] group, the same few people [always|usually] check in first [each day|at dawn].",
        ),
        p(
          "[早起|清晨]身体还[有点僵|没醒]，晨练[正好|刚好]帮它慢慢打开。",
          "[First thing|At dawn] the body is still [stiff|half asleep], and morning practice [gently|slowly] opens it up.",
        ),
      ],
      points: [
        p(
          "起床后先喝[半杯|一杯]温水，再[开始|铺垫子]。",
          "Drink [half a glass|a glass] of warm water after waking, then [begin|roll out the mat].",
        ),
        p(
          "[晨练|早上]的动作[以舒展为主|别太激烈]，[拜日式|猫牛式]就很好。",
          "Morning moves should [focus on stretching|stay gentle]; [sun salutations|cat-cow] are ideal.",
        ),
        p(
          "[时间紧|来不及]的话，十分钟也够，[关键是|重要的是]每天都做。",
          "If [time is tight|you're rushed], ten minutes will do; [what matters|the key] is doing it daily.",
        ),
        p(
          "[空腹|饭后]练习前后[隔开|间隔]一个小时[更舒服|为宜]。",
          "[Leave|Allow] an hour between eating and practice; it's [more comfortable|best].",
        ),
        p(
          "[冬天|天冷]晨练[记得|要]穿件外套，[练完|结束后]别马上脱。",
          "In [winter|the cold], [remember to|do] wear a top layer for morning practice and don't take it off [straight after|right away].",
        ),
      ],
    },
  ],
  produce: [
    {
      id: "produce.orange",
      kw: ["脐橙", "navel oranges"],
      months: [11, 12, 1, 2],
      titles: [
        p(
          "[今年的|新季]脐橙[到了|开摘了]｜[{date}|本周]起[陆续|分批]发货",
          "[This year's|New-season] navel oranges [have arrived|are being picked] | shipping [in batches|gradually] from [{date}|this week]",
        ),
        p(
          "脐橙[怎么挑|甜不甜]？[果农教你|看这{n}点]",
          "Are the navel oranges sweet? [A grower explains|Check these {n} signs]",
        ),
        p(
          "[果园直发|产地直发]的脐橙，[为什么|凭什么]要等[霜降后|冬天]才摘",
          "Why [orchard-direct|farm-direct] navel oranges wait until [after the first frost|winter] to be picked",
        ),
      ],
      hooks: [
        p(
          "[入冬以后|天一冷]，果园里的脐橙[终于|慢慢]到了最甜的时候。",
          "[Since winter arrived|Now it's cold], the navel oranges in the orchard have [finally|slowly] reached their sweetest.",
        ),
        p(
          "[去年|之前]买过的老朋友[早早|好几位]在问：今年的脐橙什么时候发？",
          "[Last year's|Earlier] customers have [been asking early|asked several times]: when do this year's navel oranges ship?",
        ),
      ],
      points: [
        p(
          "[挑的时候|挑脐橙]看底部的“肚脐”，小一点的[通常|往往]更甜。",
          "When choosing, look at the “navel” at the base; smaller ones are [usually|often] sweeter.",
        ),
        p(
          "[拿在手里|掂一掂]，[沉一点的|分量重的]水分更足。",
          "[Weigh it in your hand|Heft it]; [heavier|weightier] fruit is juicier.",
        ),
        p(
          "收到后[打开箱子|开箱]放在阴凉通风处，[别闷着|不要捂着]。",
          "On arrival, [open the box|unpack] and keep them somewhere cool and airy, [not sealed up|not covered].",
        ),
        p(
          "[路上|运输中]偶尔会有磕碰，[拍照|拍个照片]联系客服就能补发。",
          "The odd bruise happens [in transit|on the way]; [a photo|send a photo] to support and we'll replace it.",
        ),
        p(
          "我们[只在|等]果子自然成熟[后才摘|再摘]，[不打|从不用]催熟剂。",
          "We [only pick|wait to pick] once the fruit ripens naturally, [no|never any] ripening agents.",
        ),
      ],
    },
    {
      id: "produce.eggs",
      kw: ["土鸡蛋", "free-range eggs"],
      titles: [
        p(
          "[山里|村里]散养的土鸡蛋，[和超市的有什么不同|蛋黄为什么这么黄]",
          "[Mountain|Village] free-range eggs: [how they differ from the supermarket's|why the yolks are so yellow]",
        ),
        p(
          "土鸡蛋[怎么存|放冰箱]？[{n}个|这几个]小细节[别忽略|要记住]",
          "Storing free-range eggs: [{n}|a few] small details [not to miss|to remember]",
        ),
        p(
          "[本周|这一批]土鸡蛋[开始预订|到货]｜[每户限|每人限]{n}盒",
          "[This week's|This batch of] free-range eggs [open for pre-order|have arrived] | [limit|max] {n} boxes [per household|each]",
        ),
      ],
      hooks: [
        p(
          "[每周|这周]来的土鸡蛋，[都是|全是]合作农户[前两天|这几天]刚捡的。",
          "[Every week's|This week's] free-range eggs were [all|every one] collected by our partner farmers [in the last two days|these past days].",
        ),
        p(
          "[不少|很多]会员问，土鸡蛋[到底好在哪|贵在哪里]。",
          "[Many|Lots of] members ask what makes free-range eggs [better|worth the price].",
        ),
      ],
      points: [
        p(
          "[鸡|母鸡]在山坡上散养，吃[虫子和青草|玉米和菜叶]，产蛋慢，[个头|蛋]偏小。",
          "The hens roam the hillside eating [insects and grass|corn and greens]; they lay slowly, so the eggs are small.",
        ),
        p(
          "收到后[大头朝上|尖头朝下]放进冰箱，能[存|放]得更久。",
          "Store them [blunt end up|pointed end down] in the fridge to keep longer.",
        ),
        p(
          "[鸡蛋|蛋]表面[别用水洗|不要洗]，吃之前再[洗|冲一下]。",
          "Don't wash the [eggs|shells]; [rinse|clean] them just before use.",
        ),
        p(
          "[快递|运输]破损[超过两个|有破损]的，拍照联系客服[补发|退款]。",
          "If [more than two|any] arrive broken, send a photo to support for a [replacement|refund].",
        ),
        p(
          "[蛋黄颜色|蛋壳颜色]深浅和[营养|好坏]关系不大，主要看鸡吃什么。",
          "[Yolk|Shell] colour has little to do with [nutrition|quality]; it's mostly down to the hens' diet.",
        ),
      ],
    },
    {
      id: "produce.veg",
      kw: ["蔬菜箱", "veg box"],
      titles: [
        p(
          "[这周的|本周]蔬菜箱[里有什么|来了]｜[{n}样|当季]时令菜",
          "[This week's|The week's] veg box: [what's inside|it's here] | [{n}|seasonal] vegetables",
        ),
        p(
          "蔬菜箱[收到后|到家]怎么[存|放]，[一周都新鲜|不浪费]",
          "How to store your veg box [on arrival|at home] so it [stays fresh all week|doesn't go to waste]",
        ),
        p(
          "[订了|收到]蔬菜箱[不知道怎么吃|做什么]？[{n}道|几道]家常菜给你参考",
          "[Ordered|Got] a veg box and [not sure what to cook|stuck for ideas]? [{n}|A few] home-style dishes",
        ),
      ],
      hooks: [
        p(
          "蔬菜箱[里的菜|的菜]都是[农场|地里]前一天[现摘|刚摘]的。",
          "Everything in the veg box was picked [on the farm|in the field] the day before.",
        ),
        p(
          "[每到周末|每周]，[不少|很多]会员就在等蔬菜箱[到货|送到]。",
          "[Each weekend|Every week], [many|lots of] members wait for the veg box to [arrive|be delivered].",
        ),
      ],
      points: [
        p(
          "叶子菜[先吃|最先吃]，根茎类[能放|可以放]得久一些。",
          "Eat leafy greens [first|soonest]; root vegetables [keep|last] longer.",
        ),
        p(
          "[菜|蔬菜]不要洗，用[厨房纸|报纸]包好放冰箱冷藏。",
          "Don't wash [them|the vegetables]; wrap in [kitchen paper|newspaper] and chill.",
        ),
        p(
          "[箱子里|本周]的{thing}[适合|可以]清炒或者煮汤。",
          "[This week's|The box's] {thing} [suits|works for] a quick stir-fry or soup.",
        ),
        p(
          "[天气|天热]的时候[到货|收货]后尽快开箱，别在门口放太久。",
          "In [hot weather|the heat], open the box soon after delivery; don't leave it at the door.",
        ),
        p(
          "[菜的品种|配菜]会随[天气|地里的情况]调整，[每周|每次]略有不同。",
          "The [mix|selection] changes with [the weather|what's in the field], so it varies [week to week|each time].",
        ),
      ],
    },
    {
      id: "produce.nianhuo",
      kw: ["年货", "New Year goods"],
      festival: "spring",
      titles: [
        p(
          "年货[清单|礼盒]来了｜[{brand}|产地]直发，[{date}|腊月]前[截单|下单]",
          "New Year goods [list|gift boxes] | direct from [{brand}|the farm], order by [{date}|the last lunar month]",
        ),
        p(
          "[过年|春节]年货[怎么备|送什么]？[{n}样|这几样]土特产[不会错|长辈最爱]",
          "New Year goods for [the holiday|Spring Festival]: [{n}|these] local specialities [can't go wrong|elders love]",
        ),
        p(
          "年货[发货|快递]时间表｜[春节前|放假前]最后一批",
          "New Year goods [shipping|delivery] schedule | the last batch before [Spring Festival|the holiday]",
        ),
      ],
      hooks: [
        p(
          "[离过年|春节]没几周了，[群里|后台]开始有人问年货礼盒。",
          "[The New Year|Spring Festival] is weeks away, and people [in the group|in our inbox] are asking about New Year goods.",
        ),
        p(
          "[每年|年年]这个时候，{thing}[都是|总是]年货里[最先|最早]卖完的。",
          "[Every year|Each year] around now, {thing} is [always|usually] the first New Year goods to sell out.",
        ),
      ],
      points: [
        p(
          "[快递|物流]在春节前一周会停运，年货[建议|最好]提前下单。",
          "[Couriers|Deliveries] stop a week before Spring Festival, so order New Year goods [early|in good time].",
        ),
        p(
          "礼盒里[有|装了]{thing}和[小米|腊肉]，[送长辈|走亲戚]都合适。",
          "The gift box holds {thing} and [millet|cured pork], good [for elders|for family visits].",
        ),
        p(
          "[需要|想要]寄到不同地址的，[备注|留言]里写清楚就行。",
          "[Sending|Shipping] to different addresses? Just note them [in the remarks|in a message].",
        ),
        p(
          "[腊肉|香肠]收到后[挂在|放在]通风处，或者[冷冻|冷藏]保存。",
          "Hang [cured pork|sausages] somewhere airy on arrival, or keep them [frozen|chilled].",
        ),
      ],
    },
  ],
  flowers: [
    {
      id: "flowers.vase",
      kw: ["鲜花", "fresh flowers"],
      titles: [
        p(
          "鲜花[收到后|到家]这样[打理|处理]，[多开一周|开得更久]",
          "Look after fresh flowers like this [on arrival|at home] and they'll [last a week longer|bloom longer]",
        ),
        p(
          "[花瓶里的|插好的]鲜花[总是蔫|两天就垂头]？[可能是这{n}个原因|试试这样做]",
          "Fresh flowers [in the vase|once arranged] [always wilting|drooping in two days]? [These may be the {n} reasons|Try this]",
        ),
        p(
          "[本周|这周]鲜花[是什么|到了]｜[花材介绍|养护小贴士]",
          "[This week's|The week's] fresh flowers [revealed|have arrived] | [what's in them|care tips]",
        ),
      ],
      hooks: [
        p(
          "[每周|这周]的鲜花到了，[不少|很多]月卡用户[在问|问我们]怎么让它[开得久一点|多开几天]。",
          "[Every week's|This week's] fresh flowers are here, and [many|lots of] subscribers ask how to make them [last|keep] longer.",
        ),
        p(
          "[一束|家里放一束]鲜花，[能让|就能让]整个房间亮起来。",
          "[A bunch|A bunch] of fresh flowers [can light up|lights up] a whole room.",
        ),
      ],
      points: [
        p(
          "[收到后|拆开后]先[斜剪|斜着剪掉]根部两三厘米，[马上|立刻]插进水里。",
          "[On arrival|Once unwrapped], [cut|trim] two or three centimetres off the stems at an angle and put them in water [straight away|at once].",
        ),
        p(
          "[水里|瓶中]的叶子[全部|都]去掉，不然容易[烂|臭]。",
          "Strip [all|every] leaf below the water line or it'll [rot|smell].",
        ),
        p(
          "[每天|隔天]换一次水，顺便把根部再剪一点。",
          "Change the water [daily|every other day] and trim the stems a little each time.",
        ),
        p(
          "[别放在|避开]空调出风口和[暖气|阳光直射]的地方。",
          "[Keep them away from|Avoid] air-con vents and [radiators|direct sun].",
        ),
        p(
          "[花头|花苞]垂下来的话，[整枝|]泡在凉水里一两个小时[能缓过来|就能恢复]。",
          "If [heads|buds] droop, soaking [the whole stem|them] in cool water for an hour or two [revives them|brings them back].",
        ),
      ],
    },
    {
      id: "flowers.mother",
      kw: ["康乃馨", "carnations"],
      festival: "mother",
      titles: [
        p(
          "母亲节送花，[除了康乃馨|康乃馨之外]还有[{n}种选择|这些选择]",
          "Mother's Day flowers: [beyond carnations|besides carnations], [{n} more choices|other options]",
        ),
        p(
          "母亲节[花束预订|预订开启]｜康乃馨[{date}|节前]送达",
          "Mother's Day [bouquet orders|pre-orders] | carnations delivered [{date}|before the day]",
        ),
        p(
          "[给妈妈|送妈妈]的康乃馨，[颜色怎么选|有什么讲究]",
          "Carnations [for mum|to give your mother]: [which colour|what they mean]",
        ),
      ],
      hooks: [
        p(
          "母亲节[快到了|就在下周]，康乃馨[又|照例]成了[最受欢迎|预订最多]的花。",
          "Mother's Day is [nearly here|next week], and carnations are [once again|as ever] [the favourite|the most ordered].",
        ),
        p(
          "[今年|这个]母亲节，[不少|很多]人想送点不一样的，但康乃馨[依然|还是]最多人选。",
          "[This year|This] Mother's Day, [many|lots of] people want something different, but carnations [still|remain] top.",
        ),
      ],
      points: [
        p(
          "粉色康乃馨[寓意|代表]感谢，红色[代表|表达]爱和祝福。",
          "Pink carnations [stand for|mean] gratitude; red ones [express|say] love and good wishes.",
        ),
        p(
          "[花束|花]可以[加几枝|搭配]洋桔梗或者满天星，[看起来|显得]更柔和。",
          "A [bouquet|bunch] can [add|mix in] lisianthus or gypsophila to look softer.",
        ),
        p(
          "[外地|异地]配送[建议|请]提前三天下单，[节日当天|当天]配送[压力大|很满]。",
          "For [out-of-town|remote] delivery, [order|please order] three days ahead; [the day itself|same-day] slots [are stretched|fill up].",
        ),
        p(
          "[贺卡|卡片]上的话可以[留言|备注]给我们，[手写|我们代写]好一起送到。",
          "Leave your card message [with us|in the notes] and we'll [handwrite|write] it to go with the flowers.",
        ),
      ],
    },
    {
      id: "flowers.plants",
      kw: ["绿植", "houseplants"],
      titles: [
        p(
          "[新手|懒人]养绿植，[这{n}种|这几种]最不容易[养死|出错]",
          "Houseplants for [beginners|the lazy]: [these {n}|these] are hardest to [kill|get wrong]",
        ),
        p(
          "绿植[叶子发黄|烂根]？[多半是|问题可能在]浇水",
          "Houseplants [yellowing|with root rot]? [It's usually|The problem may be] watering",
        ),
        p(
          "[办公室|卧室]放什么绿植？[{brand}花艺师|花艺师]的[建议|清单]",
          "Which houseplants for [the office|the bedroom]? [{brand}'s florists|Florists] [suggest|list]",
        ),
      ],
      hooks: [
        p(
          "[不少|很多]人说自己[“养什么死什么”|手残]，其实绿植[多半|大多]是[被浇死的|水浇多了]。",
          "[Many|Plenty of] people say they [kill every plant|have black thumbs], but most houseplants [die from overwatering|drown].",
        ),
        p(
          "[家里|工位上]放一盆绿植，[看着|心情]都舒服。",
          "A houseplant [at home|on your desk] is easy on the eyes and the mood.",
        ),
      ],
      points: [
        p(
          "浇水[遵循|记住]“不干不浇，浇则浇透”。",
          "Water by the rule: [only when dry|not until dry], and then thoroughly.",
        ),
        p(
          "[手指|一根手指]插进土里两厘米，干了再浇。",
          "Push [a finger|one finger] two centimetres into the soil; water only if it's dry.",
        ),
        p(
          "[绿萝|龟背竹]喜欢散射光，[别放|不要放]在阳光直射的窗台。",
          "[Pothos|Monstera] likes bright indirect light; [don't|never] put it on a sunny sill.",
        ),
        p(
          "[冬天|天冷时]浇水[减少|少一些]，[盆底|托盘]别积水。",
          "In [winter|cold weather], water [less|sparingly] and don't let water sit in [the pot base|the saucer].",
        ),
        p(
          "[叶子|叶面]落灰了用湿布擦擦，[植物|它]呼吸会更顺畅。",
          "Wipe dusty [leaves|foliage] with a damp cloth so [the plant|it] breathes easier.",
        ),
      ],
    },
    {
      id: "flowers.qixi",
      kw: ["玫瑰", "roses"],
      festival: "qixi",
      titles: [
        p(
          "七夕玫瑰[预订开启|开始预订]｜[{n}款|几款]花束[提前看|一览]",
          "Qixi roses [open for orders|on pre-order] | [{n}|a few] bouquets [previewed|at a glance]",
        ),
        p("七夕送玫瑰，[多少枝|什么颜色]有讲究吗", "Roses for Qixi: does [the number|the colour] matter?"),
        p(
          "七夕[当天|前后]玫瑰[配送|送达]安排｜[{brand}|花店]通知",
          "Qixi rose [delivery|arrival] plan [on the day|around the day] | [{brand}|shop] notice",
        ),
      ],
      hooks: [
        p(
          "七夕[快到了|就要到了]，玫瑰的[预订|咨询]一下子多了起来。",
          "Qixi is [nearly here|coming], and rose [orders|enquiries] have shot up.",
        ),
        p(
          "[每年|年年]七夕，玫瑰[都是|总是][最抢手|卖得最快]的。",
          "[Every year|Each year] at Qixi, roses are [the hottest item|the fastest sellers].",
        ),
      ],
      points: [
        p(
          "[红玫瑰|红色]最经典，[香槟色|粉色]更温柔一些。",
          "[Red roses|Red] are the classic; [champagne|pink] feels gentler.",
        ),
        p(
          "[节日|七夕]当天[配送|送花]量大，[建议|请]选择前一天送达。",
          "Delivery volumes peak [on the day|at Qixi], so [we suggest|please choose] arrival the day before.",
        ),
        p(
          "玫瑰[收到后|到手后]剪根、换水，[能开|可开]五到七天。",
          "Trim and change the water [on arrival|once they're home], and roses last five to seven days.",
        ),
        p(
          "[花束|包装]可以[指定|选择]颜色，[备注|下单]时写上就行。",
          "You can [choose|pick] the [wrapping|bouquet] colour; just note it [in the remarks|when ordering].",
        ),
      ],
    },
  ],
  calligraphy: [
    {
      id: "calligraphy.grip",
      kw: ["握笔", "pen grip"],
      titles: [
        p(
          "孩子握笔[姿势不对|总是歪]？[越早纠正越好|{n}个方法帮你]",
          "Child's pen grip [is wrong|always crooked]? [Fix it early|{n} ways to help]",
        ),
        p(
          "握笔[太紧|太低]，[字怎么也写不好|手很快就酸]",
          "Pen grip [too tight|too low] means [handwriting never improves|hands ache fast]",
        ),
        p(
          "{brand}练字课｜握笔和坐姿[比写多少字更重要|先过这一关]",
          "{brand} handwriting class | pen grip and posture [matter more than volume|come first]",
        ),
      ],
      hooks: [
        p(
          "[很多|不少]家长发来孩子写字的照片，[一看|我们发现]问题[多半|大多]出在握笔上。",
          "[Many|Plenty of] parents send photos of their children writing, and the problem is [usually|mostly] the pen grip.",
        ),
        p(
          "[练字|写字]的第一步不是描红，而是握笔。",
          "The first step in [handwriting|writing] isn't tracing, it's the pen grip.",
        ),
      ],
      points: [
        p(
          "手指[离笔尖|距离笔尖]大约一寸，[太低|握得太低]会挡住视线。",
          "Fingers sit about three centimetres from the tip; [too low|gripping too low] blocks the view.",
        ),
        p(
          "[拇指和食指|两指]捏住笔，中指在下面托着，[别|不要]握得太紧。",
          "Pinch the pen with [thumb and index finger|two fingers], rest it on the middle finger, and [don't|never] squeeze.",
        ),
        p(
          "[坐姿|身体]要做到“一拳一尺一寸”：胸离桌一拳，眼离纸一尺。",
          "Posture: a fist's gap between chest and desk, a foot between eyes and paper.",
        ),
        p(
          "[每次|每天]练习不超过三十分钟，中间起来活动手腕。",
          "Keep [each session|daily practice] under thirty minutes and loosen the wrist in between.",
        ),
        p(
          "[矫正|纠正]握笔需要时间，[家长|大人]提醒[语气|时]要温和。",
          "Correcting a grip takes time, so [parents|grown-ups] should remind [gently|kindly].",
        ),
      ],
    },
    {
      id: "calligraphy.strokes",
      kw: ["笔画", "strokes"],
      titles: [
        p(
          "[横竖撇捺|基本笔画]练好了，[字就成了一半|整体就稳了]｜笔画专项",
          "Get [the basic strokes|horizontal, vertical and sweeps] right and [half the character is done|everything steadies] | strokes focus",
        ),
        p(
          "练字[先练|从]笔画[还是先练字|开始]？{brand}老师这样[说|建议]",
          "Practise strokes [or whole characters first|first]? {brand} teachers [explain|advise]",
        ),
        p(
          "[第{n}周|本周]练字打卡｜笔画[作品展示|点评]",
          "Handwriting check-in, [week {n}|this week] | strokes [showcase|feedback]",
        ),
      ],
      hooks: [
        p(
          "[打卡群|作业]里常看到这样的字：[结构不错|整体还行]，笔画却[软|没力气]。",
          "In [the check-in group|homework] we often see characters with [decent structure|fair shape] but [limp|weak] strokes.",
        ),
        p(
          "笔画是字的骨架，[基础不牢|骨架不正]，[后面|整体]就很难写好。",
          "Strokes are a character's skeleton; [a weak base|a crooked skeleton] makes [everything after|the whole] hard to get right.",
        ),
      ],
      points: [
        p(
          "[横|长横]要稍微[左低右高|往右上扬]，字才有精神。",
          "[Horizontals|Long horizontals] should rise slightly to the right to give the character life.",
        ),
        p(
          "[竖|悬针竖]要直，[收笔|结尾]时慢慢提笔。",
          "[Verticals|Hanging-needle verticals] should be straight, lifting slowly at [the end|the finish].",
        ),
        p(
          "每个笔画[先慢写|慢慢写]十遍，熟了再提速。",
          "Write each stroke [slowly|carefully] ten times before speeding up.",
        ),
        p(
          "写完对照字帖找出两三处可以[改进|改]的地方，下次重点练。",
          "Afterwards, compare with the model sheet, find two or three things to [improve|fix], and focus on them next time.",
        ),
        p(
          "[撇和捺|撇捺]要舒展，[起笔|下笔]别犹豫。",
          "[Left and right sweeps|Sweeps] should open out; don't hesitate [at the start|when starting].",
        ),
      ],
    },
    {
      id: "calligraphy.couplets",
      kw: ["春联", "spring couplets"],
      festival: "spring",
      titles: [
        p(
          "[自己写|亲手写]春联｜[{n}副|几副]常用春联[和写法|推荐]",
          "Write your own spring couplets | [{n}|a few] classic pairs [and how to write them|to try]",
        ),
        p(
          "春联[怎么贴|上下联怎么分]？[一篇说清|老师教你]",
          "Spring couplets: [how to hang them|which line goes where]? [All explained|A teacher shows you]",
        ),
        p(
          "{brand}[线下|]写春联活动[报名|开始了]｜[{date}|年前]一起写福",
          "{brand} [in-person|] spring couplets event [sign-ups|is on] | let's write 福 together [{date}|before the New Year]",
        ),
      ],
      hooks: [
        p(
          "[年味|过年]最浓的[时刻|一件事]，[莫过于|就是]亲手写一副春联。",
          "Nothing feels more like [the New Year|the holiday] than writing your own spring couplets.",
        ),
        p(
          "[每年|年年]这个时候，[练字群|群里]都会[约着|一起]写春联。",
          "[Every year|Each year] around now, the [handwriting|practice] group [gets together|meets] to write spring couplets.",
        ),
      ],
      points: [
        p(
          "[上联|上联的]最后一个字是仄声，下联最后一个字是平声。",
          "The [first line|upper line] ends on an oblique tone, the second on a level tone.",
        ),
        p(
          "[面对大门|站在门外]，上联贴右边，下联贴左边。",
          "[Facing the door|Standing outside], the first line goes on the right, the second on the left.",
        ),
        p(
          "[新手|刚开始]先用[描红纸|格子纸]练几遍，再写在[红纸|洒金纸]上。",
          "[Beginners|To start], practise on [tracing|grid] paper before writing on [red|gold-flecked] paper.",
        ),
        p(
          "[墨|墨汁]要[浓一点|稍微浓些]，红纸上写出来才[显|有精神]。",
          "Use [thicker|slightly thicker] ink so it [shows|stands out] on red paper.",
        ),
      ],
    },
  ],
};

/** Every business also writes the year-end round-up and the notices around its nearest holidays. */
const GENERAL_FESTIVALS: readonly Festival[] = [
  "newyear",
  "spring",
  "labor",
  "dragon",
  "midautumn",
  "national",
  "qingming",
];

const yearEnd = (business: Business): Topic => ({
  id: `${business}.yearend`,
  business,
  festival: "yearend",
  keyword: { zh: "年终", en: "year-end" },
  titles: [
    p(
      "{brand}年终[回顾|盘点]｜[这一年|今年]，[谢谢你的陪伴|我们一起做了这些事]",
      "{brand} year-end [review|round-up] | [this year|the past year]: [thank you for being here|what we did together]",
    ),
    p(
      "年终[福利|答谢]｜[老朋友|会员]专属，{thing}[限时|年底]优惠",
      "Year-end [perks|thank-you] | for [old friends|members]: {thing} on [limited-time|year-end] offer",
    ),
  ],
  hooks: [
    p(
      "[一年又快过完了|转眼到了年底]，照例写一篇年终[回顾|小结]。",
      "[Another year is nearly done|Suddenly it's December], so as usual here's a year-end [review|wrap-up].",
    ),
    p(
      "年终[将至|到了]，[想|先]和大家说声谢谢。",
      "With the year-end [near|here], we [want|first] to say thank you.",
    ),
  ],
  points: [
    p(
      "这一年，[群里|大家]一共[打卡|提问]了上万次，[每一条|很多留言]我们都认真看过。",
      "This year, [the group|you] [checked in|asked questions] tens of thousands of times, and we read [every one|lots of them] carefully.",
    ),
    p(
      "{thing}是今年[最受欢迎|被问得最多]的，[明年|新的一年]我们会[继续完善|做得更好]。",
      "{thing} was this year's [favourite|most asked-about]; [next year|in the new year] we'll [keep improving|make it better].",
    ),
    p(
      "[也有|当然也有]做得不够好的地方，比如[发货慢了|回复不够及时]，我们都记下了。",
      "There were [also|of course] things we didn't do well enough, like [slow shipping|slow replies]; we've noted them all.",
    ),
    p(
      "[年底|这个月]给老朋友准备了一份小礼物，[点击菜单栏|在菜单栏点]“{menu}”就能领取。",
      "We've prepared a small gift for old friends [this December|this month]: [tap|find] “{menu}” in the menu.",
    ),
    p(
      "新的一年，[希望|愿]我们[继续|还能]一起[进步|慢慢变好]。",
      "In the new year, [we hope|may] we [keep|still] [growing|getting better] together.",
    ),
  ],
});

/** The topics of each business: its own, the year-end round-up and the general festival notices. */
export const TOPICS: Record<Business, readonly Topic[]> = Object.fromEntries(
  (Object.keys(BASE) as Business[]).map((business) => [
    business,
    [
      ...BASE[business].map((s) => topic(business, s)),
      yearEnd(business),
      ...GENERAL_FESTIVALS.map((f) => festivalTopic(business, f)),
    ],
  ]),
) as unknown as Record<Business, readonly Topic[]>;

/** Whether a topic fits a moment: its months, and its festival being near. */
export function topicFits(t: Topic, m: LocalMoment, near: readonly Festival[] = festivalsNear(m)): boolean {
  if (t.months && !t.months.includes(m.month)) return false;
  if (t.festival && !near.includes(t.festival)) return false;
  return true;
}

/** The topics an account of this business would write about at this moment. */
export function topicsAt(business: Business, m: LocalMoment): Topic[] {
  const near = festivalsNear(m);
  return TOPICS[business].filter((t) => topicFits(t, m, near));
}

export function topicById(id: string): Topic | undefined {
  const business = id.split(".")[0] as Business;
  return TOPICS[business]?.find((t) => t.id === id);
}
