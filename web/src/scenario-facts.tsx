import type { Category, Severity, Surface } from "../../functions/core/vocabulary.js";
import { CATEGORY, SEVERITY, SURFACE } from "./i18n.js";
import { useI18n } from "./i18n-react.js";

interface Facts {
  category: Category;
  severity: Severity;
  custom?: boolean;
  brief: { zh: string; en: string };
  /** Managers only: to anyone else the catalog does not say where a scenario lands. */
  surfaces?: readonly Surface[] | undefined;
}

/** What a scenario is about, the same in the catalog list and on its own page. */
export function ScenarioFacts({ scenario: s }: { scenario: Facts }) {
  const { t, l } = useI18n();
  return (
    <>
      <p className="row">
        <span className="badge">{l(CATEGORY[s.category])}</span>
        <span className={`badge sev-${s.severity}`}>
          {t("severity")}: {l(SEVERITY[s.severity])}
        </span>
        {s.custom && <span className="badge">{t("custom")}</span>}
      </p>
      <p>{l(s.brief)}</p>
      {s.surfaces && (
        <p className="muted">
          {t("surfaces")}: {s.surfaces.map((x) => l(SURFACE[x])).join(" · ")}
        </p>
      )}
    </>
  );
}
