import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import type { Category, Severity } from "../../../functions/core/vocabulary.js";
import { api, call } from "../api.js";
import { CATEGORY, SEVERITY } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { ScenarioFacts } from "../scenario-facts.js";
import { useCurrentTeam } from "../session.js";
import { ErrorNote, Field, Loading } from "../ui.js";
import { NoTeam } from "./Overview.js";

export default function Scenarios() {
  const { t, l } = useI18n();
  const { team, loading } = useCurrentTeam();
  const teamId = team?.id ?? "";
  const [category, setCategory] = useState<Category | "">("");
  const [severity, setSeverity] = useState<Severity | "">("");
  const catalog = useQuery({
    queryKey: ["scenarios", teamId],
    enabled: Boolean(team),
    queryFn: () => call(api.teams[":teamId"].scenarios.$get({ param: { teamId } })),
  });
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const items = (catalog.data?.items ?? []).filter(
    (s) => (!category || s.category === category) && (!severity || s.severity === severity),
  );
  return (
    <>
      <h1>{t("scenarios_title")}</h1>
      <div className="row filters">
        <Field label={t("category")}>
          {(p) => (
            <select {...p} value={category} onChange={(e) => setCategory(e.target.value as Category | "")}>
              <option value="">{t("all")}</option>
              {(Object.keys(CATEGORY) as Category[]).map((c) => (
                <option key={c} value={c}>
                  {l(CATEGORY[c])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("severity")}>
          {(p) => (
            <select {...p} value={severity} onChange={(e) => setSeverity(e.target.value as Severity | "")}>
              <option value="">{t("all")}</option>
              {(Object.keys(SEVERITY) as Severity[]).map((s) => (
                <option key={s} value={s}>
                  {l(SEVERITY[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
        {team.role === "manager" && (
          <Link href="/scenarios/new" className="button">
            {t("new_custom")}
          </Link>
        )}
      </div>
      {catalog.isLoading && <Loading />}
      <ErrorNote error={catalog.error} />
      <ul className="cards">
        {items.map((s) => (
          <li key={s.id} className="card">
            <h2 className="h3">
              <Link href={`/scenarios/${s.id}`}>{l(s.title)}</Link>
            </h2>
            <ScenarioFacts scenario={s} />
          </li>
        ))}
      </ul>
    </>
  );
}
