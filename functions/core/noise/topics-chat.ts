import type { Localized } from "../vocabulary.js";
import type { Business } from "./types.js";

const L = (zh: string, en: string): Localized => ({ zh, en });

/**
 * What one line of business talks about in its group: rule banks the group-chat grammar expands
 * (`<task>`, `<thing>`, `<live>`, `<share>`), and questions with the answers that answer them.
 * Every list keeps the same order and count of alternatives in zh and en.
 */
export interface ChatTopic {
  /** What members hand in or check in: 作业, 打卡… */
  task: readonly Localized[];
  /** Products, materials, deliveries. */
  thing: readonly Localized[];
  /** What a class or livestream is about. */
  live: readonly Localized[];
  /** A member's on-topic share. */
  share: readonly Localized[];
  /** On-topic questions with answers that answer them. */
  qa: readonly { q: Localized; a: readonly Localized[] }[];
  /** Words that mark a line as on-topic, for tests. */
  keywords: readonly string[];
}

export const CHAT_TOPICS: Record<Business, ChatTopic> = {
  education: {
    task: [
      L("数学作业", "maths homework"),
      L("课后练习", "after-class exercises"),
      L("错题本", "mistake notebook"),
      L("听写", "dictation"),
    ],
    thing: [
      L("练习册", "workbook"),
      L("试卷", "test papers"),
      L("教材", "textbook"),
      L("错题打印纸", "printed mistake sheets"),
    ],
    live: [
      L("期中复习", "mid-term revision"),
      L("分数应用题", "fraction word problems"),
      L("作文开头怎么写", "how to open an essay"),
      L("古诗默写", "classical poems from memory"),
    ],
    share: [
      L(
        "孩子今天主动把[错题|作业]订正完了，[太不容易了|感动]",
        "My kid corrected the [mistakes|homework] without being asked today, [not easy at all|I'm touched]",
      ),
      L(
        "刚陪娃写完[作业|练习]，[血压已经上来了|终于可以歇会了][捂脸]",
        "Just finished [homework|exercises] with my kid, [my blood pressure's up|finally a break] [Facepalm]",
      ),
      L(
        "上次老师讲的[审题方法|画图法]真管用，今天[应用题|大题]全对",
        "The [reading-the-question trick|diagram method] from last time really works, all the [word problems|big questions] right today",
      ),
    ],
    qa: [
      {
        q: L(
          "[请问|问一下]这周的试卷[要打印吗|需要打印出来吗|要家长签字吗]？",
          "[Quick question|Just asking]: do this week's test papers [need printing|need to be printed|need a parent's signature]?",
        ),
        a: [
          L(
            "[要的|需要的]，打印出来做完拍照上传就行",
            "[Yes|They do], print them, do them and upload a photo",
          ),
          L("我们家是直接打印的，A4就行", "We just print them, A4 is fine"),
        ],
      },
      {
        q: L(
          "孩子[分数应用题|计算题]老是[出错|粗心]，[怎么办|有什么办法吗]？",
          "My kid keeps [getting fraction word problems|making calculation] [wrong|mistakes], [what to do|any tips]?",
        ),
        a: [
          L(
            "可以让他每道题[先圈关键词|写完验算一遍]，我们班好几个孩子这样练了两周就好多了",
            "Have them [circle the key words first|check each answer once], several kids in our class improved a lot in two weeks",
          ),
          L("我家也是，后来每天练[十道|五道]就稳了", "Mine too, then [ten|five] a day and it settled"),
        ],
      },
      {
        q: L("作业[截止|最晚]是今晚几点[呀|啊]？", "When's the homework [deadline|latest time] tonight?"),
        a: [
          L("今晚9点前哦，我9点半统一批改", "Before 9 tonight, I'll mark them all at 9:30"),
          L("9点，老师昨天说过的", "9, the teacher said so yesterday"),
        ],
      },
    ],
    keywords: [
      "作业",
      "试卷",
      "练习",
      "错题",
      "复习",
      "孩子",
      "娃",
      "题",
      "听写",
      "课",
      "作文",
      "古诗",
      "教材",
    ],
  },
  parenting: {
    task: [
      L("亲子共读打卡", "shared-reading check-in"),
      L("辅食记录", "baby-food log"),
      L("睡眠记录", "sleep log"),
      L("亲子游戏打卡", "play check-in"),
    ],
    thing: [
      L("绘本礼盒", "picture-book box"),
      L("辅食机", "baby-food blender"),
      L("儿童牙刷", "kids' toothbrush"),
      L("早教卡片", "flash cards"),
    ],
    live: [
      L("宝宝夜醒怎么办", "night waking"),
      L("辅食添加顺序", "starting solids"),
      L("两岁叛逆期", "the terrible twos"),
      L("如何给孩子立规矩", "setting rules for kids"),
    ],
    share: [
      L(
        "我家宝宝今天[自己吃饭了|会叫妈妈了|第一次走了三步]，开心[玫瑰]",
        "My baby [fed themselves|said mama|took three steps] today, so happy [Rose]",
      ),
      L(
        "昨晚[哄睡|喂夜奶]到一点多，[今天整个人是懵的|困死了][捂脸]",
        "[Getting the baby down|Night feeds] till past one last night, [totally dazed today|so sleepy] [Facepalm]",
      ),
      L(
        "按老师说的[睡前不玩手机|固定睡觉时间]，娃这几天睡得[踏实多了|好多了]",
        "Following the teacher's [no screens before bed|fixed bedtime], the baby has slept [much more soundly|much better] these days",
      ),
    ],
    qa: [
      {
        q: L(
          "宝宝[八个月|十个月]了，[辅食|蛋黄]可以加了吗？",
          "Baby's [eight|ten] months, can we start [solids|egg yolk]?",
        ),
        a: [
          L(
            "可以的，先从[米粉|单一食材]开始，一次加一样，观察三天有没有过敏",
            "Yes, start with [rice cereal|single foods], one new food at a time, watch for allergies for three days",
          ),
          L("我家[七个月|八个月]就加了，挺好的", "We started at [seven|eight] months, went fine"),
        ],
      },
      {
        q: L(
          "[两岁的|三岁的]娃一不顺心就[哭闹|躺地上]，[怎么办啊|你们怎么处理的]？？",
          "My [two-year-old|three-year-old] [screams|lies on the floor] whenever things don't go their way, [what do I do|how do you handle it]??",
        ),
        a: [
          L(
            "先别急着讲道理，等他情绪过去再抱抱他，今晚直播我们正好讲这个",
            "Don't reason with them right away, hug them once it passes; our live tonight covers exactly this",
          ),
          L("同款娃[捂脸]，我一般先蹲下来陪着", "Same kid here [Facepalm], I crouch down and stay with him"),
        ],
      },
      {
        q: L(
          "宝宝晚上[老是夜醒|醒好几次]，[正常吗|有人有经验吗]？",
          "Baby [keeps waking|wakes several times] at night, [is that normal|any experience]?",
        ),
        a: [
          L(
            "这个月龄挺常见的，可以先看看是不是[白天睡太多|睡前太兴奋]",
            "Common at this age, check if they [nap too much|get too excited before bed]",
          ),
          L(
            "我家也是，坚持固定睡前程序两周好多了",
            "Ours too, a fixed bedtime routine for two weeks helped a lot",
          ),
        ],
      },
    ],
    keywords: ["宝宝", "娃", "孩子", "辅食", "绘本", "哄睡", "夜醒", "亲子", "奶", "岁", "睡"],
  },
  fitness: {
    task: [
      L("运动打卡", "workout check-in"),
      L("饮食打卡", "meal check-in"),
      L("体重记录", "weight log"),
      L("步数打卡", "step check-in"),
    ],
    thing: [
      L("弹力带", "resistance band"),
      L("瑜伽垫", "mat"),
      L("蛋白粉", "protein powder"),
      L("体脂秤", "body-fat scale"),
    ],
    live: [
      L("燃脂跟练", "fat-burn follow-along"),
      L("减脂期怎么吃", "eating while cutting"),
      L("膝盖友好的训练", "knee-friendly training"),
      L("核心训练", "core training"),
    ],
    share: [
      L(
        "打卡第{n}天，今天[跑了5公里|跳了二十分钟绳|练完一整套]，[汗流浃背|腿在抖]",
        "Day {n} check-in, [ran 5 km|skipped rope for twenty minutes|did the whole set] today, [drenched|legs shaking]",
      ),
      L(
        "这周[瘦了两斤|腰围小了一圈]，[继续加油|坚持有用][强]",
        "[Down a kilo|Waist is smaller] this week, [keep going|it works] [Thumbs up]",
      ),
      L(
        "晚饭[鸡胸肉加西兰花|杂粮饭配青菜]，[忍住没吃夜宵|奶茶戒了一周]",
        "Dinner: [chicken breast and broccoli|mixed-grain rice and greens], [skipped the late snack|a week without bubble tea]",
      ),
    ],
    qa: [
      {
        q: L(
          "减脂期[晚上饿了|训练完]能吃[香蕉|酸奶]吗？",
          "While cutting, can I have a [banana|yoghurt] [when hungry at night|after training]?",
        ),
        a: [
          L(
            "可以的，控制量就行，[半根|一小杯]差不多",
            "Yes, just watch the amount, [half of one|a small cup] is about right",
          ),
          L("我每次练完都吃一根，没影响", "I have one after every workout, no problem"),
        ],
      },
      {
        q: L(
          "[膝盖|腰]有点[疼|不舒服]，今天还能跟练吗？",
          "My [knee|lower back] [hurts|feels off] a bit, can I still follow the session today?",
        ),
        a: [
          L(
            "先别跳的动作了，换成我们发的低冲击版本，疼的话就休息",
            "Skip the jumps and do the low-impact version we shared; rest if it hurts",
          ),
          L(
            "我之前也是，休息两天就好了，别硬撑",
            "Same with me before, two days' rest fixed it, don't push it",
          ),
        ],
      },
      {
        q: L("今天的[跟练|直播]几点开始？？", "What time does today's [follow-along|live] start??"),
        a: [
          L("晚上8点，提前5分钟进来热身", "8 pm, come in 5 minutes early to warm up"),
          L("8点，我已经换好衣服了哈哈", "8, I'm already changed haha"),
        ],
      },
    ],
    keywords: [
      "打卡",
      "减脂",
      "跑",
      "练",
      "体重",
      "斤",
      "吃",
      "训练",
      "跟练",
      "蛋白",
      "运动",
      "膝盖",
      "腰",
      "绳",
    ],
  },
  beauty: {
    task: [
      L("护肤打卡", "skincare check-in"),
      L("面部按摩打卡", "face-massage check-in"),
      L("素颜打卡", "bare-face check-in"),
      L("手法练习", "technique practice"),
    ],
    thing: [
      L("精华", "serum"),
      L("面膜", "sheet masks"),
      L("防晒", "sunscreen"),
      L("刮痧板", "gua sha board"),
    ],
    live: [
      L("敏感肌怎么护理", "caring for sensitive skin"),
      L("秋冬补水", "autumn-winter hydration"),
      L("面部按摩手法", "face-massage technique"),
      L("防晒怎么选", "choosing sunscreen"),
    ],
    share: [
      L(
        "用了两周，[脸上的痘痘下去了|皮肤没那么干了|毛孔小了一点]，[开心|惊喜]",
        "Two weeks in, [the spots are down|skin's less dry|pores look a bit smaller], [happy|pleasantly surprised]",
      ),
      L(
        "今天按老师教的手法按了[十分钟|一刻钟]，[脸真的会小一圈|消肿了]",
        "Did the teacher's technique for [ten|fifteen] minutes, [face really looks smaller|the puffiness is gone]",
      ),
      L(
        "换季[皮肤又开始泛红|脸干得起皮][捂脸]",
        "Season change and [my skin's going red again|my face is flaking] [Facepalm]",
      ),
    ],
    qa: [
      {
        q: L("[敏感肌|干皮]能用[刷酸|这个精华]吗？", "Can [sensitive|dry] skin use [acids|this serum]?"),
        a: [
          L(
            "敏感期先别刷酸，先做好保湿，耳后试用没问题再上脸",
            "No acids while sensitive, moisturise first, patch-test behind the ear before the face",
          ),
          L("我敏感肌用着还行，建议先少量试", "Works for my sensitive skin, try a little first"),
        ],
      },
      {
        q: L("[面膜|防晒]一周用几次合适？", "How often a week for [masks|sunscreen]?"),
        a: [
          L(
            "面膜一周两三次就够了，防晒是每天都要的哦",
            "Masks two or three times a week is plenty; sunscreen is every day",
          ),
          L("我一般隔天一次", "I do every other day"),
        ],
      },
      {
        q: L("我买的[精华|面膜]什么时候发货呀？？", "When does my [serum|mask] order ship??"),
        a: [
          L(
            "@{member} 我们这批是48小时内发，我帮你查下单号",
            "@{member} this batch ships within 48 hours, let me check your order",
          ),
          L("我前天下的今天到了", "Ordered two days ago, came today"),
        ],
      },
    ],
    keywords: ["皮肤", "肤", "精华", "面膜", "防晒", "脸", "痘", "刷酸", "按摩", "保湿", "护肤", "毛孔"],
  },
  cooking: {
    task: [
      L("作品打卡", "dish check-in"),
      L("今日菜谱打卡", "today's recipe check-in"),
      L("刀工练习", "knife-work practice"),
      L("烘焙作业", "baking homework"),
    ],
    thing: [
      L("铸铁锅", "cast-iron pot"),
      L("烤箱", "oven"),
      L("调料包", "seasoning kit"),
      L("不粘锅", "non-stick pan"),
    ],
    live: [
      L("红烧肉", "braised pork belly"),
      L("家常小炒", "home stir-fries"),
      L("戚风蛋糕", "chiffon cake"),
      L("包饺子", "making dumplings"),
    ],
    share: [
      L(
        "按老师的方子做了[红烧肉|可乐鸡翅|番茄炒蛋]，[家里人抢着吃|老公说比饭店的好吃]",
        "Made [braised pork|cola chicken wings|tomato and eggs] from the teacher's recipe, [the family fought over it|my husband says it beats the restaurant]",
      ),
      L(
        "戚风又[塌了|开裂了][捂脸]，是不是[烤箱温度|蛋白]的问题",
        "My chiffon [collapsed|cracked] again [Facepalm], is it the [oven temperature|egg whites]?",
      ),
      L(
        "今天练刀工切了[一斤土豆丝|两根黄瓜]，[手都酸了|终于切得细了]",
        "Knife practice today: [half a kilo of potato shreds|two cucumbers], [my hand aches|finally thin enough]",
      ),
    ],
    qa: [
      {
        q: L(
          "[红烧肉|糖醋排骨]炒糖色老是[糊|发苦]，[怎么办|咋回事]？",
          "My caramel for [braised pork|sweet-and-sour ribs] keeps [burning|turning bitter], [what do I do|why]?",
        ),
        a: [
          L(
            "火要小，糖化开冒小泡、变成枣红色就马上下肉，慢一秒就苦了",
            "Low heat, add the meat the moment the sugar bubbles and turns date-red; a second late and it's bitter",
          ),
          L("我是用冰糖炒的，好控制一些", "I use rock sugar, easier to control"),
        ],
      },
      {
        q: L("戚风蛋糕[烤多少度|烤多久]合适？", "What [temperature|time] for a chiffon cake?"),
        a: [
          L(
            "家用烤箱一般150度50分钟左右，不同烤箱有差别，先用温度计看看",
            "Home ovens about 150°C for 50 minutes, they vary, check with a thermometer",
          ),
          L("我家的是140度烤一个小时", "Mine does 140°C for an hour"),
        ],
      },
      {
        q: L(
          "[铸铁锅|不粘锅]第一次用要开锅吗？",
          "Does a new [cast-iron pot|non-stick pan] need seasoning first?",
        ),
        a: [
          L(
            "铸铁锅要的，洗干净烧干抹一层油，不粘锅洗一下就能用",
            "Cast iron yes: wash, dry on the heat, rub with oil; non-stick just wash",
          ),
          L("要，我视频里有教，回放第三节", "Yes, I show it in the replay, lesson three"),
        ],
      },
    ],
    keywords: ["菜", "锅", "火", "肉", "烤", "蛋", "做", "炒", "糖", "刀工", "饺子", "蛋糕", "方子", "吃"],
  },
  tea: {
    task: [
      L("品茶笔记", "tasting notes"),
      L("冲泡打卡", "brewing check-in"),
      L("茶席分享", "tea-table share"),
      L("识茶作业", "tea-ID homework"),
    ],
    thing: [
      L("白茶饼", "white-tea cake"),
      L("盖碗", "gaiwan"),
      L("公道杯", "fair cup"),
      L("试喝装", "sample pack"),
    ],
    live: [
      L("岩茶怎么泡", "brewing rock oolong"),
      L("白茶存放", "storing white tea"),
      L("绿茶水温", "green-tea water temperature"),
      L("普洱生熟怎么分", "raw vs ripe pu'er"),
    ],
    share: [
      L(
        "今天泡了[老白茶|凤凰单丛|大红袍]，[第三泡最好喝|回甘很明显]",
        "Brewed [aged white tea|Phoenix dancong|Da Hong Pao] today, [third steep was best|a clear sweet aftertaste]",
      ),
      L(
        "按老师说的[水温降到85度|缩短出汤时间]，[绿茶一点都不苦了|汤色亮多了]",
        "Following the teacher: [water down to 85°C|shorter steeps], [the green tea isn't bitter at all|the liquor is much brighter]",
      ),
      L(
        "周末去[茶山|茶城]逛了一圈，[买了两泡试试|长见识了]",
        "Went round the [tea hills|tea market] at the weekend, [bought two samples|learned a lot]",
      ),
    ],
    qa: [
      {
        q: L(
          "[白茶|普洱]放在家里[要密封吗|怎么存]？",
          "Does [white tea|pu'er] at home [need sealing|get stored how]?",
        ),
        a: [
          L(
            "白茶要密封防潮避光，普洱要透气一点，都别放厨房",
            "White tea sealed, dry and dark; pu'er needs a little air; neither in the kitchen",
          ),
          L("我是用锡罐装的，一年了味道还好", "I keep mine in a tin, still good after a year"),
        ],
      },
      {
        q: L("[绿茶|岩茶]用多少度的水泡？", "What water temperature for [green tea|rock oolong]?"),
        a: [
          L("绿茶80到85度，岩茶要沸水，快出汤", "Green 80–85°C, rock oolong boiling water with quick steeps"),
          L("绿茶我都是烧开晾一会", "For green I boil and let it sit a bit"),
        ],
      },
      {
        q: L(
          "[试喝装|盖碗]发货了吗？[我的|我这]还没收到",
          "Has the [sample pack|gaiwan] shipped? [Mine|I] still haven't got it",
        ),
        a: [
          L(
            "@{member} 我看了一下昨天已经发出了，顺丰的，今明两天到",
            "@{member} I checked, it went out yesterday by SF, arriving today or tomorrow",
          ),
          L("我的今天刚到，包得很仔细", "Mine came today, very well packed"),
        ],
      },
    ],
    keywords: ["茶", "泡", "盖碗", "汤", "普洱", "回甘", "水温"],
  },
  reading: {
    task: [
      L("读书笔记", "reading notes"),
      L("共读打卡", "read-along check-in"),
      L("金句摘抄", "favourite-quote log"),
      L("读后感", "book review"),
    ],
    thing: [
      L("共读书单", "reading list"),
      L("纸质书", "paper copy"),
      L("电子版", "e-book"),
      L("书签", "bookmarks"),
    ],
    live: [
      L("《活着》", "To Live"),
      L("《人类简史》", "Sapiens"),
      L("《小王子》", "The Little Prince"),
      L("《被讨厌的勇气》", "The Courage to Be Disliked"),
    ],
    share: [
      L(
        "今天读到第{n}页，[这一章太戳我了|有一句话想了很久]",
        "Up to page {n} today, [this chapter hit me hard|one sentence stayed with me]",
      ),
      L(
        "[地铁上|睡前]读了半小时，[比刷手机舒服多了|难得静下心]",
        "Read for half an hour [on the metro|before bed], [much better than scrolling|rare to feel this calm]",
      ),
      L(
        "这周的共读书[终于读完了|还差两章][捂脸]",
        "This week's book: [finally done|two chapters to go] [Facepalm]",
      ),
    ],
    qa: [
      {
        q: L(
          "这周读到[第几章|哪里]了？我[落下了|跟不上了]",
          "[Which chapter|Where] are we this week? I've [fallen behind|lost track]",
        ),
        a: [
          L(
            "这周读第三到第五章，周日晚上我们一起聊",
            "Chapters three to five this week, we discuss on Sunday evening",
          ),
          L("第四章，不着急慢慢补", "Chapter four, no rush, catch up slowly"),
        ],
      },
      {
        q: L(
          "读书笔记[要写多少字|有格式要求吗]？",
          "[How long should|Is there a format for] the reading notes?",
        ),
        a: [
          L(
            "不限字数，写下你最有感触的一段和原因就好",
            "No length limit, write the passage that moved you most and why",
          ),
          L("我一般写两三百字", "I usually write two or three hundred characters"),
        ],
      },
      {
        q: L("有[电子版|纸质版]推荐吗？", "Any [e-book|paper edition] to recommend?"),
        a: [
          L(
            "微信读书里就有，纸质的我推荐精装那版",
            "It's on WeChat Reading; for paper I'd go with the hardback",
          ),
          L("我是在图书馆借的", "I borrowed it from the library"),
        ],
      },
    ],
    keywords: ["读", "书", "章", "笔记", "页", "《"],
  },
  language: {
    task: [
      L("口语打卡", "speaking check-in"),
      L("单词打卡", "vocabulary check-in"),
      L("跟读作业", "shadowing homework"),
      L("听力练习", "listening practice"),
    ],
    thing: [
      L("单词本", "word book"),
      L("教材", "coursebook"),
      L("音频", "audio files"),
      L("真题", "past papers"),
    ],
    live: [
      L("雅思口语Part 2", "IELTS speaking Part 2"),
      L("日常口语", "everyday speaking"),
      L("连读和弱读", "linking and weak forms"),
      L("写作开头", "essay openings"),
    ],
    share: [
      L(
        "今天背了[50个|30个]单词，[明天估计忘一半|复习了三遍]哈哈",
        "Learned [50|30] words today, [I'll forget half by tomorrow|went over them three times] haha",
      ),
      L(
        "跟读了[二十分钟|半小时]，[终于敢开口了|发音被老师表扬了][偷笑]",
        "Shadowed for [twenty minutes|half an hour], [finally brave enough to speak|the teacher praised my pronunciation] [Snicker]",
      ),
      L(
        "[地铁上|做饭时]听了一集播客，[能听懂一大半了|语速还是太快]",
        "Listened to a podcast [on the metro|while cooking], [understood most of it|still too fast]",
      ),
    ],
    qa: [
      {
        q: L(
          "[口语|跟读]作业是[发语音|录视频]吗？",
          "Is the [speaking|shadowing] homework [a voice message|a video]?",
        ),
        a: [
          L(
            "发语音到打卡小程序就行，一分钟以内",
            "A voice message in the check-in mini-program, under a minute",
          ),
          L("语音，我刚交了", "Voice, I just handed mine in"),
        ],
      },
      {
        q: L(
          "单词[背了就忘|记不住]，有什么办法吗？？",
          "I [forget words as soon as I learn them|can't remember words], any tips??",
        ),
        a: [
          L(
            "按艾宾浩斯隔天复习，放到句子里记，比单背好很多",
            "Review on a spaced schedule and learn them in sentences, much better than lists",
          ),
          L("我是每天睡前过一遍", "I go through them every night before bed"),
        ],
      },
      {
        q: L(
          "[雅思|四六级]考前[一个月|两周]该怎么[复习|安排]？",
          "How should I [revise|plan] [a month|two weeks] before [IELTS|CET]?",
        ),
        a: [
          L(
            "先做两套真题找弱项，再每天一小时专项，我周五直播细讲",
            "Do two past papers to find weak spots, then an hour a day on them; I go through it in Friday's live",
          ),
          L("真题刷起来，别再背新单词了", "Drill past papers, stop learning new words"),
        ],
      },
    ],
    keywords: ["单词", "口语", "跟读", "听力", "雅思", "发音", "背", "英语", "语", "真题"],
  },
  home: {
    task: [
      L("收纳打卡", "tidying check-in"),
      L("断舍离打卡", "decluttering check-in"),
      L("衣柜改造作业", "wardrobe makeover homework"),
      L("厨房整理打卡", "kitchen tidy check-in"),
    ],
    thing: [
      L("收纳盒", "storage boxes"),
      L("衣架", "hangers"),
      L("抽屉分隔板", "drawer dividers"),
      L("真空压缩袋", "vacuum bags"),
    ],
    live: [
      L("衣柜收纳", "wardrobe storage"),
      L("小户型厨房", "small kitchens"),
      L("儿童玩具收纳", "toy storage"),
      L("换季整理", "seasonal clear-outs"),
    ],
    share: [
      L(
        "周末把[衣柜|厨房|玄关]整理了一遍，[清出来三大袋|终于能关上门了]",
        "Sorted the [wardrobe|kitchen|hallway] at the weekend, [three big bags out|the door finally closes]",
      ),
      L(
        "按老师说的[竖着叠|分区放]，[衣服一眼就能找到|抽屉空出一半]",
        "Following the teacher: [fold upright|zone it], [I can see every item|half the drawer is free]",
      ),
      L(
        "断舍离第{n}天，[扔掉了好多舍不得的东西|家里清爽多了]",
        "Declutter day {n}, [threw out lots I'd clung to|the flat feels so much lighter]",
      ),
    ],
    qa: [
      {
        q: L(
          "[衣柜|抽屉]太小了，[冬天的厚衣服|被子]放哪里好？",
          "My [wardrobe|drawers] are too small, where do [winter coats|duvets] go?",
        ),
        a: [
          L(
            "厚被子用压缩袋放床底，大衣挂起来别叠，能省一半空间",
            "Duvets in vacuum bags under the bed, hang coats rather than fold, saves half the space",
          ),
          L("我家放在床箱里", "Ours go in the storage bed"),
        ],
      },
      {
        q: L("[收纳盒|分隔板]买多大尺寸的？", "What size [storage boxes|dividers] should I buy?"),
        a: [
          L(
            "先量抽屉的内径再买，留一厘米余量，我把测量方法发群文件了",
            "Measure the inside of the drawer first and leave a centimetre; I put the method in the group files",
          ),
          L("我买的时候没量，结果放不进去[捂脸]", "I didn't measure and they didn't fit [Facepalm]"),
        ],
      },
      {
        q: L("[孩子的玩具|乐高]太多了怎么收？", "How do you store all the [kids' toys|Lego]?"),
        a: [
          L(
            "按类别分箱贴标签，让孩子自己放回去，一周轮换一批",
            "Box by type with labels, let the kid put them back, rotate a batch weekly",
          ),
          L("我家是定期送一部分给亲戚家孩子", "We give some to cousins now and then"),
        ],
      },
    ],
    keywords: ["收纳", "衣柜", "整理", "抽屉", "断舍离", "厨房", "衣服", "玩具", "被子", "放"],
  },
  yoga: {
    task: [
      L("练习打卡", "practice check-in"),
      L("冥想打卡", "meditation check-in"),
      L("体式打卡", "pose check-in"),
      L("呼吸练习", "breathing practice"),
    ],
    thing: [
      L("瑜伽垫", "yoga mat"),
      L("瑜伽砖", "yoga block"),
      L("伸展带", "stretch strap"),
      L("瑜伽服", "yoga wear"),
    ],
    live: [
      L("肩颈放松", "neck and shoulder release"),
      L("睡前瑜伽", "bedtime yoga"),
      L("髋部打开", "hip openers"),
      L("拜日式", "sun salutations"),
    ],
    share: [
      L(
        "今天练了[半小时|四十分钟]，[肩膀松多了|下犬式终于脚跟着地了]",
        "Practised for [half an hour|forty minutes], [shoulders feel much looser|heels finally touched in downward dog]",
      ),
      L(
        "睡前跟着做了[冥想|拉伸]，[一觉睡到天亮|好久没睡这么好了]",
        "Did [meditation|stretching] before bed, [slept right through|best sleep in ages]",
      ),
      L(
        "坚持第{n}天，[腰不酸了|体态好了很多][强]",
        "Day {n}, [no more backache|posture much better] [Thumbs up]",
      ),
    ],
    qa: [
      {
        q: L(
          "[腰不好|膝盖不好]能练[后弯|这个体式]吗？",
          "Can I do [backbends|this pose] with a [bad back|bad knee]?",
        ),
        a: [
          L(
            "先别做后弯，用瑜伽砖做辅助，练的时候有刺痛就停",
            "No backbends yet, use a block for support, stop if there's a sharp pain",
          ),
          L("我也是，老师让我先练猫牛式", "Me too, the teacher had me start with cat-cow"),
        ],
      },
      {
        q: L(
          "[饭后|早上空腹]多久能练？",
          "How long [after a meal|on an empty stomach in the morning] can I practise?",
        ),
        a: [
          L(
            "饭后一个半到两个小时，早上空腹练最好",
            "An hour and a half to two after eating; empty stomach in the morning is best",
          ),
          L("我一般饭后两小时", "I wait two hours after eating"),
        ],
      },
      {
        q: L("今晚[直播课|跟练]练什么？", "What's in tonight's [live class|follow-along]?"),
        a: [
          L(
            "今晚练肩颈放松，准备一块瑜伽砖和一条毛巾",
            "Neck and shoulder release tonight, have a block and a towel ready",
          ),
          L(
            "好像是肩颈，我坐了一天正需要",
            "Neck and shoulders I think, just what I need after sitting all day",
          ),
        ],
      },
    ],
    keywords: ["练", "瑜伽", "体式", "冥想", "肩", "拉伸", "腰", "垫", "砖", "呼吸"],
  },
  produce: {
    task: [
      L("拼团接龙", "group-buy sign-up list"),
      L("收货反馈", "delivery feedback"),
      L("晒单", "unboxing photos"),
      L("评价打卡", "review check-in"),
    ],
    thing: [
      L("赣南脐橙", "Gannan navel oranges"),
      L("土鸡蛋", "free-range eggs"),
      L("五常大米", "Wuchang rice"),
      L("丹东草莓", "Dandong strawberries"),
    ],
    live: [
      L("产地直播", "live from the farm"),
      L("怎么挑橙子", "picking oranges"),
      L("大米的储存", "storing rice"),
      L("鸡蛋新不新鲜怎么看", "checking egg freshness"),
    ],
    share: [
      L(
        "昨天到的[橙子|草莓|大米]，[真的很甜|个头很大|煮饭特别香]，[回购了|又下了一单]",
        "The [oranges|strawberries|rice] came yesterday, [really sweet|nice and big|smells great cooked], [reordering|ordered again]",
      ),
      L(
        "[土鸡蛋|橙子]有[两个|一个]压坏了，[其他都挺好|不过客服秒回]",
        "[Two|One] of the [eggs|oranges] got crushed, [rest are fine|support answered at once]",
      ),
      L(
        "接龙+1，[两箱|一箱]，[送我妈一箱|家里吃得快]",
        "+1 on the list, [two boxes|one box], [one for my mum|we go through them fast]",
      ),
    ],
    qa: [
      {
        q: L("这次的[橙子|草莓]什么时候发货？？", "When do this batch's [oranges|strawberries] ship??"),
        a: [
          L(
            "明天上午统一从产地发，发了我把单号发群里",
            "Everything ships from the farm tomorrow morning; I'll post the tracking numbers here",
          ),
          L("上次是接龙后第二天发的", "Last time they shipped the day after the list closed"),
        ],
      },
      {
        q: L(
          "收到的[鸡蛋|橙子]有坏的，[怎么处理|找谁]？",
          "Some of my [eggs|oranges] arrived bad, [what now|who do I ask]?",
        ),
        a: [
          L(
            "@{member} 拍个照私信我，坏多少赔多少，下单时一起补发",
            "@{member} send me a photo privately, we refund every bad one or resend with the next order",
          ),
          L("我上次也是，拍照给客服很快就退了", "Same last time, photo to support and refunded quickly"),
        ],
      },
      {
        q: L("[大米|鸡蛋]怎么存放能放久一点？", "How do I store [rice|eggs] to keep them longer?"),
        a: [
          L(
            "大米密封放阴凉处，夏天可以放冰箱；鸡蛋大头朝上冷藏",
            "Rice sealed somewhere cool, fridge in summer; eggs fat end up in the fridge",
          ),
          L("我是分装到矿泉水瓶里的", "I decant it into water bottles"),
        ],
      },
    ],
    keywords: ["橙", "蛋", "大米", "草莓", "发货", "接龙", "箱", "甜", "收到", "单", "产地"],
  },
  flowers: {
    task: [
      L("插花作业", "arrangement homework"),
      L("养花打卡", "plant-care check-in"),
      L("花礼打卡", "bouquet check-in"),
      L("花材识别", "flower ID"),
    ],
    thing: [L("花材包", "flower kit"), L("花泥", "floral foam"), L("剪刀", "snips"), L("花瓶", "vase")],
    live: [
      L("螺旋花束", "spiral bouquets"),
      L("玫瑰醒花", "reviving roses"),
      L("节日花礼", "holiday bouquets"),
      L("绿植养护", "houseplant care"),
    ],
    share: [
      L(
        "今天插的[这一束|餐桌花]，[家里一下子亮了|被老公夸了][玫瑰]",
        "Today's [bouquet|table arrangement], [the whole room lit up|my husband praised it] [Rose]",
      ),
      L(
        "[玫瑰|绣球]醒了一晚上，[全都支棱起来了|还是有两支垂头][捂脸]",
        "The [roses|hydrangeas] soaked overnight, [all perked up|two still drooping] [Facepalm]",
      ),
      L(
        "这周的花材[太好看了|颜色好温柔]，[舍不得剪|拍了好多照片]",
        "This week's flowers are [gorgeous|such soft colours], [can't bring myself to cut them|took so many photos]",
      ),
    ],
    qa: [
      {
        q: L("[玫瑰|郁金香]买回来要怎么醒花？", "How do I revive [roses|tulips] after buying them?"),
        a: [
          L(
            "斜剪根部，去掉多余叶子，深水泡两三个小时，放阴凉处",
            "Cut the stems at an angle, strip extra leaves, soak in deep water two or three hours somewhere cool",
          ),
          L("我是用报纸包着泡的，效果不错", "I wrap them in newspaper while soaking, works well"),
        ],
      },
      {
        q: L("花泥要[提前泡吗|怎么泡]？", "Does the foam [need soaking first|get soaked how]?"),
        a: [
          L(
            "要的，放水面上让它自己沉下去，别往下按，不然里面是干的",
            "Yes, float it and let it sink on its own, never push it down or the core stays dry",
          ),
          L("我第一次就是按下去的[捂脸]", "I pushed mine down the first time [Facepalm]"),
        ],
      },
      {
        q: L("这周的花材包[寄了吗|到了吗]？", "Has this week's flower kit [gone out|arrived]?"),
        a: [
          L(
            "周三统一冷链发，周四能到，到了先醒花再上课",
            "They go out cold-chain on Wednesday, arrive Thursday; revive them before class",
          ),
          L("我的刚到，包得很好", "Mine just came, well packed"),
        ],
      },
    ],
    keywords: ["花", "玫瑰", "绣球", "插", "醒", "花泥", "绿植", "花束"],
  },
  calligraphy: {
    task: [
      L("临帖作业", "copying homework"),
      L("练字打卡", "writing check-in"),
      L("笔画练习", "stroke practice"),
      L("作品提交", "piece submission"),
    ],
    thing: [L("毛边纸", "practice paper"), L("毛笔", "brush"), L("字帖", "copybook"), L("墨汁", "ink")],
    live: [
      L("横画的写法", "horizontal strokes"),
      L("《兰亭序》临摹", "copying the Lanting Preface"),
      L("楷书结构", "regular-script structure"),
      L("行书入门", "running script basics"),
    ],
    share: [
      L(
        "今天临了[两张|三张]《[多宝塔|兰亭序]》，[手腕酸了|比上周稳一点]",
        "Copied [two|three] sheets of the [Duobao Pagoda|Lanting Preface] today, [wrist aches|a bit steadier than last week]",
      ),
      L(
        "按老师说的[悬腕|放慢速度]写，[横终于平了|起笔好看多了]",
        "Wrote with a [raised wrist|slower pace] as the teacher said, [horizontals finally level|starts look much better]",
      ),
      L(
        "练字第{n}天，[写了满满一沓|静下心来的感觉真好]",
        "Writing day {n}, [a whole stack done|feels so calming]",
      ),
    ],
    qa: [
      {
        q: L(
          "[墨|笔]总是[洇纸|分叉]，[怎么回事|怎么办]？",
          "My [ink|brush] keeps [bleeding|splitting], [why|what do I do]?",
        ),
        a: [
          L(
            "蘸墨后在砚边刮一下，纸换成熟一点的毛边纸就不容易洇了",
            "Wipe the brush on the inkstone edge after dipping, and use a more sized practice paper",
          ),
          L("我之前也是，墨兑点水就好了", "Same before, a little water in the ink fixed it"),
        ],
      },
      {
        q: L(
          "初学[先练楷书还是行书|选什么字帖]？",
          "As a beginner, [regular or running script first|which copybook]?",
        ),
        a: [
          L(
            "建议先楷书打基础，颜体或欧体选一个，坚持三个月再说",
            "Regular script first, pick Yan or Ou style and stick with it three months",
          ),
          L("我是从颜体开始的", "I started with Yan style"),
        ],
      },
      {
        q: L("作业是[拍照交|交原件]吗？", "Do we hand in the homework [as a photo|on paper]?"),
        a: [
          L(
            "拍照发打卡小程序就行，光线亮一点，整张拍进去",
            "A photo in the check-in mini-program, good light, whole sheet in frame",
          ),
          L("拍照，我刚交", "Photo, just handed mine in"),
        ],
      },
    ],
    keywords: ["字", "笔", "墨", "帖", "临", "楷", "行书", "写", "纸", "横"],
  },
};
