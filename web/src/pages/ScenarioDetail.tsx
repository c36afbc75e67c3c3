import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import type { Incident } from "../../../functions/core/incident.js";
import { api, call } from "../api.js";
import { ACTION, formatDuration, SURFACE } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { ScenarioFacts } from "../scenario-facts.js";
import { useCurrentTeam } from "../session.js";
import { ErrorNote, Field, Loading } from "../ui.js";
import { NoTeam } from "./Overview.js";

function Preview({ teamId, scenarioId }: { teamId: string; scenarioId: string }) {
  const { t, l, lang } = useI18n();
  const [seed, setSeed] = useState(42);
  const [asked, setAsked] = useState<number | null>(null);
  const preview = useQuery({
    queryKey: ["preview", teamId, scenarioId, asked, lang],
    enabled: asked !== null,
    queryFn: () =>
      call(
        api.teams[":teamId"].scenarios[":scenarioId"].preview.$get({
          param: { teamId, scenarioId },
          query: { seed: String(asked ?? 1), lang },
        }),
      ),
  });
  const incident = preview.data?.incident as unknown as Incident | undefined;
  const people = new Map((incident?.people ?? []).map((p) => [p.id, p]));
  const star = new Set(incident?.detection.itemIds ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(seed);
  };
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t("preview")}</h2>
      <form onSubmit={submit} className="row">
        <Field label={t("seed")}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              max={4294967295}
              value={seed}
              onChange={(e) => setSeed(Number(e.target.value))}
            />
          )}
        </Field>
        <button type="submit">{t("preview_for_seed")}</button>
      </form>
      <p className="hint">{t("preview_note")}</p>
      {preview.isLoading && <Loading />}
      <ErrorNote error={preview.error} />
      {incident && (
        <>
          <h3>{l(incident.title)}</h3>
          <p>{l(incident.brief)}</p>
          <h4>{t("incident_items")}</h4>
          <ol className="preview-items">
            {incident.items
              .filter((i) => i.at >= -120)
              .slice(0, 80)
              .map((i) => (
                <li key={i.id} className={star.has(i.id) ? "incident" : undefined}>
                  {star.has(i.id) && <span>★ </span>}
                  <span className="muted">
                    [{l(SURFACE[i.surface])} {i.at >= 0 ? "+" : ""}
                    {formatDuration(lang, Math.abs(i.at))}]
                  </span>{" "}
                  {i.authorId ? <strong>{l(people.get(i.authorId)?.name)}：</strong> : null}
                  {i.title ? <em>{l(i.title)} </em> : null}
                  {l(i.text)}
                  {i.card ? ` [${l(i.card.name)} · ${l(i.card.note)}]` : ""}
                </li>
              ))}
          </ol>
          <h4>{t("rubric")}</h4>
          <ul className="list">
            {incident.rubric.steps.map((s) => (
              <li key={s.id}>
                <span>
                  {l(s.label)} <span className="muted">({l(ACTION[s.action])})</span>
                </span>
                <span>
                  {t("within", { duration: formatDuration(lang, s.targetSeconds) })} · {s.weight}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RunNow({ teamId, teamName, scenarioId }: { teamId: string; teamName: string; scenarioId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [practice, setPractice] = useState(true);
  const run = useMutation({
    mutationFn: () =>
      call(
        api.teams[":teamId"].drills["run-now"].$post({ param: { teamId }, json: { scenarioId, practice } }),
      ),
    onSuccess: (drill) => navigate(`/teams/${teamId}/drills/${drill.id}`),
  });
  return (
    <section className="card" aria-labelledby="run-title">
      <h2 id="run-title">{t("run_now_for", { team: teamName })}</h2>
      <label className="check">
        <input type="checkbox" checked={practice} onChange={(e) => setPractice(e.target.checked)} />
        {t("run_practice")}
      </label>
      <ErrorNote error={run.error} />
      <button type="button" className="primary" onClick={() => run.mutate()} disabled={run.isPending}>
        {t("run_now")}
      </button>
    </section>
  );
}

export default function ScenarioDetail() {
  const { t, l } = useI18n();
  const { scenarioId = "" } = useParams<{ scenarioId: string }>();
  const { team, loading } = useCurrentTeam();
  const teamId = team?.id ?? "";
  const manager = team?.role === "manager";
  const catalog = useQuery({
    queryKey: ["scenarios", teamId],
    enabled: Boolean(team),
    queryFn: () => call(api.teams[":teamId"].scenarios.$get({ param: { teamId } })),
  });
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const s = catalog.data?.items.find((x) => x.id === scenarioId);
  return (
    <>
      <Link href="/scenarios">← {t("back")}</Link>
      {catalog.isLoading && <Loading />}
      <ErrorNote error={catalog.error} />
      {s && (
        <>
          <h1>{l(s.title)}</h1>
          <ScenarioFacts scenario={s} />
          {manager && s.custom && (
            <Link href={`/scenarios/${s.id}/edit`} className="button">
              {t("edit_custom")}
            </Link>
          )}
          {manager && <RunNow teamId={teamId} teamName={team.name} scenarioId={s.id} />}
          {manager && <Preview teamId={teamId} scenarioId={s.id} />}
        </>
      )}
    </>
  );
}
