import { invalid } from "./errors.js";

/**
 * Which new passwords are refused (issue 13, item 8). zxcvbn-ts is not among the project's
 * dependencies and none may be added here, so this is a small check of its own: a minimum length, a
 * minimum of distinct characters, no single character or short block repeated, no run along the
 * alphabet, the digits or a keyboard row, and nothing that is a common password once case, look-alike
 * digits and a tail of digits or symbols are taken off. It answers why, in both languages, so the
 * person choosing one learns what to change.
 */

export const MIN_PASSWORD_LENGTH = 10;

/** Passwords that lead every leaked-password list, in the West and in China; compared after `core()`. */
const COMMON = new Set(
  [
    "password",
    "passw0rd",
    "passwort",
    "qwerty",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "administrator",
    "login",
    "master",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "princess",
    "sunshine",
    "shadow",
    "superman",
    "batman",
    "trustno",
    "whatever",
    "starwars",
    "secret",
    "changeme",
    "default",
    "test",
    "testing",
    "hello",
    "helloworld",
    "freedom",
    "michael",
    "jennifer",
    "charlie",
    "computer",
    "internet",
    "access",
    "abc",
    "qwe",
    "asd",
    "zxc",
    "aaa",
    "woaini",
    "woainima",
    "woaiwojia",
    "iloveu",
    "aini",
    "aiwo",
    "nihao",
    "wangyi",
    "baidu",
    "taobao",
    "tencent",
    "weixin",
    "wechat",
    "qq",
    "zhang",
    "wang",
    "li",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "zhou",
    "wu",
    "xu",
    "sun",
    "zhu",
    "ma",
    "hu",
    "guo",
    "lin",
    "he",
    "gao",
    "luo",
    "zhongguo",
    "china",
    "beijing",
    "shanghai",
    "shenzhen",
    "guangzhou",
    "yanlian",
    "drill",
    "manager",
    "fuckyou",
    "qazwsx",
    "qazwsxedc",
    "qweasd",
    "qweasdzxc",
    "asdasd",
    "zxczxc",
    "abcd",
    "abcabc",
    "aabbcc",
    "iiiiii",
    "lovely",
    "loveyou",
    "mustang",
    "access",
    "pokemon",
    "killer",
    "soccer",
    "hockey",
    "ranger",
    "harley",
    "hunter",
    "buster",
    "tigger",
    "jordan",
    "summer",
    "winter",
    "spring",
    "autumn",
  ].map((p) => p.toLowerCase()),
);

/** Along the keyboard, the alphabet and the digits, both ways; a run of four of them is a sequence. */
const ROWS = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "1q2w3e4r5t6y7u8i9o0p",
  "qazwsxedcrfvtgbyhnujmikolp",
];
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/** A problem with a password, in the API's detail shape; `message` is English, `zh` the same in Chinese. */
export interface PasswordProblem {
  code: "too_short" | "too_simple" | "repeated" | "sequence" | "common" | "personal";
  message: string;
  zh: string;
}

const PROBLEMS: Record<PasswordProblem["code"], { en: string; zh: string }> = {
  too_short: {
    en: `use at least ${MIN_PASSWORD_LENGTH} characters`,
    zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
  },
  too_simple: {
    en: "use more different characters; spaces alone or a few letters over and over are easy to guess",
    zh: "请使用更多不同的字符；只有空格或几个字母反复出现的密码很容易被猜到",
  },
  repeated: {
    en: "a character or a short block repeated over and over is easy to guess",
    zh: "同一个字符或一小段字符反复出现，很容易被猜到",
  },
  sequence: {
    en: "a run along the keyboard, the alphabet or the digits (1234, qwerty, abcd) is easy to guess",
    zh: "键盘、字母或数字的连续序列（如 1234、qwerty、abcd）很容易被猜到",
  },
  common: {
    en: "this is one of the most common passwords; choose something of your own, a short sentence works well",
    zh: "这是最常见的密码之一，请换一个自己的；一句简短的话就很好",
  },
  personal: {
    en: "do not build the password from your email address or your name",
    zh: "请不要用自己的邮箱或姓名作为密码",
  },
};

const problem = (code: PasswordProblem["code"]): PasswordProblem => ({
  code,
  message: PROBLEMS[code].en,
  zh: PROBLEMS[code].zh,
});

/** Lower case, look-alike digits and symbols read as letters, no spaces. */
function fold(text: string): string {
  return [...text.normalize("NFKC").toLowerCase()]
    .map((ch) => LEET[ch] ?? ch)
    .join("")
    .replace(/\s+/g, "");
}

/** The word a password is built on: folded, without the digits and symbols people tack on at the ends. */
function core(text: string): string {
  return fold(text.replace(/^[\d\W_]+|[\d\W_]+$/gu, ""));
}

/** True when the whole text is a block of 1–4 characters repeated. */
function isRepetition(text: string): boolean {
  return /^(.{1,4}?)\1+$/su.test(text);
}

/** Characters of the text that sit in a run of at least 4 steps along one of the rows, either way. */
function sequenceShare(text: string): number {
  const chars = [...text.toLowerCase()];
  const inRun = new Array(chars.length).fill(false);
  for (const row of ROWS) {
    for (const dir of [row, [...row].reverse().join("")]) {
      let start = 0;
      for (let i = 1; i <= chars.length; i++) {
        const prev = chars[i - 1] as string;
        const cur = chars[i];
        const at = dir.indexOf(prev);
        const continues = cur !== undefined && at >= 0 && dir[at + 1] === cur;
        if (!continues) {
          if (i - start >= 4) for (let k = start; k < i; k++) inRun[k] = true;
          start = i;
        }
      }
    }
  }
  return inRun.filter(Boolean).length / Math.max(1, chars.length);
}

/**
 * Why a new password is too weak, or nothing when it is fine. `personal` names the account's own
 * words (email, name), which are the first thing an attacker tries.
 */
export function passwordProblems(password: string, personal: readonly string[] = []): PasswordProblem[] {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return [problem("too_short")];
  const visible = password.replace(/\s+/gu, "");
  const folded = fold(password);
  if (new Set(folded).size < 4 || [...visible].length < 6) return [problem("too_simple")];
  if (isRepetition(folded) || isRepetition(password.toLowerCase())) return [problem("repeated")];
  if (sequenceShare(password) >= 0.6) return [problem("sequence")];
  const base = core(password);
  const words = base.split(/[^\p{L}]+/u).filter(Boolean);
  if (
    COMMON.has(base) ||
    COMMON.has(folded) ||
    (words.length > 0 && words.every((w) => COMMON.has(w) || isRepetition(w))) ||
    isRepetition(base)
  ) {
    return [problem("common")];
  }
  const own = personal
    .flatMap((p) => [p, p.split("@")[0] ?? ""])
    .map(fold)
    .filter((p) => p.length >= 3);
  if (
    own.some(
      (p) =>
        folded === p ||
        core(password) === p ||
        (p.length >= 5 && folded.includes(p) && folded.length - p.length < 6),
    )
  ) {
    return [problem("personal")];
  }
  return [];
}

/**
 * The same rules with the account's own words, as the 400 the API answers: `path` names the field.
 * The schema has already applied the rules that need no account; this adds the personal one.
 */
export function checkNewPassword(password: string, personal: readonly string[], path = "password"): void {
  const problems = passwordProblems(password, personal);
  if (problems.length > 0) {
    throw invalid(
      "the new password is too easy to guess",
      problems.map((p) => ({ path, message: p.message, zh: p.zh })),
    );
  }
}
