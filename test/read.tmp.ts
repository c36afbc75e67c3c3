import { generate } from "../functions/core/generator.js";
import { builtInScenarios } from "../test/support/drills.js";
const id = process.argv[2]; const seeds = (process.argv[3] ?? "1,2,3,4,5").split(",").map(Number);
const s = builtInScenarios().find((x) => x.id === id)!;
for (const seed of seeds) {
  const inc = generate(s, seed);
  const det = new Set(inc.detection.itemIds);
  const names = new Map(inc.people.map((p) => [p.id, p.name.zh]));
  console.log(`=== seed ${seed} params:`, JSON.stringify(Object.fromEntries(Object.entries(inc.params).filter(([k]) => !/raiders|lookalikes/.test(k)))).slice(0, 300));
  for (const it of inc.items.filter((i) => "stimulus" in i.origin)) {
    console.log(`  [${it.surface}/${it.kind}${det.has(it.id) ? "*" : ""}] ${it.authorId ? names.get(it.authorId) + ": " : ""}${it.title ? "《" + it.title.zh + "》 " : ""}${it.text.zh}${it.card ? ` 〔名片 ${it.card.name.zh} / ${it.card.note.zh}〕` : ""}`);
    if (it.paragraphs) it.paragraphs.forEach((p, i) => console.log(`      ¶${i} ${p.zh}`));
  }
}
