import type { Incident, ParamValue } from "../core/incident.js";
import type { Scenario } from "../core/scenario.js";
import { formatDuration } from "../core/text.js";
import {
  ACTION_LABELS,
  CATEGORY_LABELS,
  type Lang,
  SEVERITY_LABELS,
  SURFACE_LABELS,
  SURFACES,
} from "../core/vocabulary.js";

const WINDOW_LABELS = {
  business_hours: { zh: "工作时间", en: "business hours" },
  night: { zh: "夜间", en: "night" },
  any: { zh: "不限", en: "any time" },
} as const;

const T = {
  scenario: { zh: "演练场景", en: "Scenario" },
  category: { zh: "类别", en: "Category" },
  severity: { zh: "严重程度", en: "Severity" },
  window: { zh: "时段", en: "Window" },
  timeout: { zh: "超时", en: "Timeout" },
  params: { zh: "本次参数", en: "Parameters" },
  page: { zh: "值班呼叫", en: "On-call page" },
  legend: {
    zh: "★ 事件本身　◇ 场景里的其他线索或干扰项（只在预览中标出，演练时不会提示）",
    en: "★ the incident  ◇ other scenario items, clues or decoys (marked only in previews, never during a drill)",
  },
  rubric: { zh: "评分标准", en: "Rubric" },
  required: { zh: "必做", en: "required" },
  bonus: { zh: "加分项", en: "bonus" },
  target: { zh: "目标", en: "target" },
  weight: { zh: "权重", en: "weight" },
  harmful: { zh: "扣分项", en: "Penalties" },
  mustContain: { zh: "须包含其一", en: "must mention one of" },
  targets: { zh: "对象", en: "targets" },
  all: { zh: "全部", en: "all of" },
  any: { zh: "任一", en: "any of" },
  hint: { zh: "该发现什么", en: "What to notice" },
  items: { zh: "条", en: "items" },
} as const;

function clock(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}

function show(value: ParamValue, lang: Lang): string {
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return value.map((v) => v[lang]).join(lang === "zh" ? "、" : ", ");
  return value[lang];
}

/** The readable preview a manager sees before running a scenario: what lands where, and how it is scored. */
export function renderIncident(scenario: Scenario, incident: Incident, lang: Lang): string {
  const lines: string[] = [];
  const sep = lang === "zh" ? "：" : ": ";
  const names = new Map(incident.people.map((p) => [p.id, p.name[lang]]));
  const incidentIds = new Set(incident.detection.itemIds);
  const stimulusIds = new Set(incident.items.filter((it) => "stimulus" in it.origin).map((it) => it.id));

  lines.push(
    `${T.scenario[lang]}${sep}${incident.title[lang]}  (${scenario.id} v${scenario.version}, seed ${incident.seed})`,
  );
  lines.push(
    [
      `${T.category[lang]}${sep}${CATEGORY_LABELS[scenario.category][lang]}`,
      `${T.severity[lang]}${sep}${SEVERITY_LABELS[scenario.severity][lang]}`,
      `${T.window[lang]}${sep}${WINDOW_LABELS[scenario.timing.window][lang]}${scenario.timing.between ? ` ${scenario.timing.between.start}–${scenario.timing.between.end}` : ""}`,
      `${T.timeout[lang]}${sep}${formatDuration(scenario.timeout, lang)}`,
    ].join(" · "),
  );
  lines.push("", incident.brief[lang], "");

  const declared = Object.keys(scenario.params);
  if (declared.length > 0) {
    lines.push(`${T.params[lang]}${sep}`);
    for (const name of declared) {
      const value = incident.params[name];
      if (value !== undefined) lines.push(`  ${name} = ${show(value, lang)}`);
    }
    lines.push("");
  }
  if (incident.page) lines.push(`${T.page[lang]}${sep}${incident.page.message[lang]}`, "");

  for (const surface of SURFACES) {
    const items = incident.items.filter((it) => it.surface === surface);
    if (items.length === 0) continue;
    lines.push(`── ${SURFACE_LABELS[surface][lang]} (${items.length} ${T.items[lang]}) ──`);
    for (const it of items) {
      const mark = incidentIds.has(it.id) ? "★" : stimulusIds.has(it.id) ? "◇" : " ";
      const who = it.authorId && it.kind !== "join" ? `${names.get(it.authorId)}${sep}` : "";
      let body = it.text[lang];
      if (it.kind === "card" && it.card)
        body = `${body} [${lang === "zh" ? "名片" : "card"}: ${it.card.name[lang]} · ${it.card.note[lang]}]`;
      if (it.kind === "article" && it.title) body = `《${it.title[lang]}》 ${body}`;
      lines.push(`${mark} ${clock(it.at).padStart(9)}  ${who}${body}`);
      if (it.paragraphs && stimulusIds.has(it.id)) {
        for (const p of it.paragraphs) lines.push(`              | ${p[lang]}`);
      }
    }
    lines.push("");
  }
  lines.push(T.legend[lang], "");
  lines.push(`${T.hint[lang]}${sep}${incident.detection.hint[lang]}`, "");

  lines.push(`${T.rubric[lang]}${sep}`);
  incident.rubric.steps.forEach((step, i) => {
    const tag = step.required ? T.required[lang] : T.bonus[lang];
    lines.push(
      `  ${i + 1}. ${step.label[lang]} — ${ACTION_LABELS[step.action][lang]} — ${T.target[lang]} ${formatDuration(step.targetSeconds, lang)} — ${T.weight[lang]} ${step.weight} — ${tag}`,
    );
    if (step.target) {
      const ids = step.target.ids.map((id) => names.get(id) ?? id);
      lines.push(
        `     ${T.targets[lang]}${sep}${step.target.match === "all" ? T.all[lang] : T.any[lang]} ${ids.join(", ")}`,
      );
    }
    if (step.containsAny) lines.push(`     ${T.mustContain[lang]}${sep}${step.containsAny.join(" / ")}`);
  });
  if (incident.rubric.harmful.length > 0) {
    lines.push(`${T.harmful[lang]}${sep}`);
    for (const h of incident.rubric.harmful)
      lines.push(`  − ${h.penalty}  ${h.label[lang]} (${ACTION_LABELS[h.action][lang]})`);
  }
  return `${lines.join("\n")}\n`;
}
