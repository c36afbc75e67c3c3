import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ChartConfiguration } from "chart.js";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "wouter";
import type { ActionItem, Finding } from "../../../functions/core/ports.js";
import type { Scorecard } from "../../../functions/core/scoring.js";
import { api, call, errorCode, errorStatus } from "../api.js";
import { LazyChart } from "../chart.js";
import { formatDateTime, formatDuration, formatTime, timelineAction } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { sinceInjection, stepBars } from "../report.js";
import { useCurrentTeam } from "../session.js";
import { ErrorNote, Field, fieldError, Loading, Refused } from "../ui.js";

const newId = () => `x${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;

function Review({ teamId, drillId, canEdit }: { teamId: string; drillId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const review = useQuery({
    queryKey: ["review", teamId, drillId],
    queryFn: () => call(api.teams[":teamId"].drills[":drillId"].review.$get({ param: { teamId, drillId } })),
  });
  const [notes, setNotes] = useState("");
  const [findings, setFindings] = useState<Finding[]>([]);
  const [items, setItems] = useState<ActionItem[]>([]);
  useEffect(() => {
    if (!review.data) return;
    setNotes(review.data.notes);
    setFindings(review.data.findings);
    setItems(review.data.actionItems);
  }, [review.data]);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.teams[":teamId"].drills[":drillId"].review.$put({
          param: { teamId, drillId },
          json: { notes, findings, actionItems: items, version: review.data?.version ?? 0 },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(["review", teamId, drillId], data),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  if (review.isLoading) return <Loading />;
  return (
    <form onSubmit={submit} className="review" aria-labelledby="review-title">
      <h2 id="review-title">{t("review")}</h2>
      <fieldset disabled={!canEdit}>
        <Field label={t("notes")} error={fieldError(save.error, "notes")}>
          {(p) => <textarea {...p} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <h3>{t("findings")}</h3>
        <ol>
          {findings.map((f, i) => (
            <li key={f.id}>
              <Field label={`${t("findings")} ${i + 1}`} error={fieldError(save.error, `findings.${i}.text`)}>
                {(p) => (
                  <input
                    {...p}
                    required
                    value={f.text}
                    onChange={(e) =>
                      setFindings(findings.map((x) => (x.id === f.id ? { ...x, text: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                className="link no-print"
                onClick={() => setFindings(findings.filter((x) => x.id !== f.id))}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="no-print"
          onClick={() => setFindings([...findings, { id: newId(), text: "" }])}
        >
          {t("add_finding")}
        </button>
        <h3>{t("action_items")}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("action_items")}</th>
                <th scope="col">{t("owner")}</th>
                <th scope="col">{t("due")}</th>
                <th scope="col">{t("done")}</th>
                <th scope="col" className="no-print">
                  <span className="sr-only">{t("remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a, i) => {
                const set = (patch: Partial<ActionItem>) =>
                  setItems(items.map((x) => (x.id === a.id ? { ...x, ...patch } : x)));
                return (
                  <tr key={a.id}>
                    <td>
                      <input
                        aria-label={`${t("action_items")} ${i + 1}`}
                        required
                        value={a.text}
                        onChange={(e) => set({ text: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("owner")} ${i + 1}`}
                        required
                        value={a.owner}
                        onChange={(e) => set({ owner: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("due")} ${i + 1}`}
                        type="date"
                        required
                        value={a.due}
                        onChange={(e) => set({ due: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("done")} ${i + 1}`}
                        type="checkbox"
                        checked={a.done}
                        onChange={(e) => set({ done: e.target.checked })}
                      />
                    </td>
                    <td className="no-print">
                      <button
                        type="button"
                        className="link"
                        onClick={() => setItems(items.filter((x) => x.id !== a.id))}
                      >
                        {t("remove")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          className="no-print"
          onClick={() =>
            setItems([
              ...items,
              {
                id: newId(),
                text: "",
                owner: "",
                due: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
                done: false,
              },
            ])
          }
        >
          {t("add_action_item")}
        </button>
      </fieldset>
      <ErrorNote error={save.error ?? review.error} />
      {save.isSuccess && (
        <p role="status" className="ok">
          {t("saved")}
        </p>
      )}
      {canEdit && (
        <button type="submit" className="primary no-print" disabled={save.isPending}>
          {t("save_review")}
        </button>
      )}
    </form>
  );
}

export default function Report() {
  const { t, l, lang } = useI18n();
  const { teamId = "", drillId = "" } = useParams<{ teamId: string; drillId: string }>();
  const { teams } = useCurrentTeam();
  const team = teams.find((x) => x.id === teamId);
  const role = team?.role;
  const card = useQuery({
    queryKey: ["scorecard", teamId, drillId],
    retry: false,
    queryFn: () =>
      call(api.teams[":teamId"].drills[":drillId"].scorecard.$get({ param: { teamId, drillId } })),
  });
  const timeline = useQuery({
    queryKey: ["timeline", teamId, drillId],
    queryFn: () =>
      call(api.teams[":teamId"].drills[":drillId"].timeline.$get({ param: { teamId, drillId } })),
  });
  const scorecard = card.data?.scorecard as unknown as Scorecard | undefined;
  const bars = useMemo(() => (scorecard ? stepBars(scorecard, (x) => x[lang]) : []), [scorecard, lang]);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: "bar",
      data: {
        labels: bars.map((b) => b.label),
        datasets: [
          { label: t("chart_target"), data: bars.map((b) => b.target), backgroundColor: "#98a2b3" },
          {
            label: t("chart_actual"),
            data: bars.map((b) => b.actual ?? 0),
            backgroundColor: bars.map((b) => (b.actual === null ? "#d0d5dd" : b.met ? "#067647" : "#b42318")),
          },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: { beginAtZero: true, title: { display: true, text: t("minutes_unit") } } },
      },
    }),
    [bars, t],
  );
  if (card.isLoading) return <Loading />;
  if (card.error) {
    const status = errorStatus(card.error);
    if (errorCode(card.error) === "not_scored") {
      return (
        <>
          <Link href={`/teams/${teamId}/drills/${drillId}`}>← {t("war_room")}</Link>
          <p className="notice">{t("report_not_ready")}</p>
        </>
      );
    }
    if (status === 404 || status === 403) return <Refused />;
    return <ErrorNote error={card.error} />;
  }
  const d = card.data?.drill;
  if (!d || !scorecard) return null;
  const injectedAt = d.injectedAt ?? d.plannedAt;
  return (
    <article className="report">
      <div className="row spread no-print">
        <Link href="/">← {t("back")}</Link>
        <button type="button" onClick={() => window.print()}>
          {t("print")}
        </button>
      </div>
      <h1>
        {t("report_title")} · {d.scenario ? l(d.scenario.title) : d.id}
      </h1>
      <p className="muted">
        {team?.name} · {formatDateTime(lang, injectedAt, team?.timezone)} ·{" "}
        {d.practice ? t("practice") : t("official")}
      </p>
      <section className="grade-box" aria-label={t("grade")}>
        <div className={`grade grade-${scorecard.grade}`} data-testid="grade">
          {scorecard.grade}
        </div>
        <dl className="stats">
          <div>
            <dt>{t("score")}</dt>
            <dd>
              {Math.round(scorecard.total)} / 100 · {scorecard.passed ? t("passed") : t("failed")}
            </dd>
          </div>
          <div>
            <dt>{t("tta")}</dt>
            <dd>{formatDuration(lang, scorecard.timeToAcknowledge)}</dd>
          </div>
          <div>
            <dt>{t("ttd")}</dt>
            <dd>{formatDuration(lang, scorecard.timeToDetect)}</dd>
          </div>
          <div>
            <dt>{t("ttr")}</dt>
            <dd>{formatDuration(lang, scorecard.timeToResolve)}</dd>
          </div>
        </dl>
      </section>
      {d.summary && (
        <section>
          <h2>{t("drill_summary")}</h2>
          <p>{d.summary}</p>
        </section>
      )}
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{t("timeline_chart")}</h2>
        <LazyChart config={config} label={t("timeline_chart")} />
      </section>
      <section aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t("score_breakdown")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("step")}</th>
                <th scope="col">{t("target_time")}</th>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("points")}</th>
              </tr>
            </thead>
            <tbody>
              {scorecard.steps.map((s) => (
                <tr key={s.id} className={s.metTarget ? "ok" : "bad"}>
                  <td>
                    {l(s.label)}
                    {s.required ? " *" : ""}
                    {s.why && (
                      <p className="step-why small" data-testid="step-why">
                        <strong>{t("step_why")}:</strong> {l(s.why)}
                      </p>
                    )}
                  </td>
                  <td>{formatDuration(lang, s.targetSeconds)}</td>
                  <td>
                    {s.doneAt === null ? t("not_done") : formatDuration(lang, s.doneAt)}{" "}
                    {s.doneAt !== null && <span>({s.metTarget ? t("met") : t("missed")})</span>}
                  </td>
                  <td>
                    {Math.round(s.points * 10) / 10} / {s.weight}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {scorecard.penalties.length > 0 && (
          <>
            <h3>{t("penalties")}</h3>
            <ul>
              {scorecard.penalties.map((p) => (
                <li key={p.id}>
                  {l(p.label)} × {p.count}: −{p.points}
                </li>
              ))}
            </ul>
          </>
        )}
        {scorecard.falseFlags > 0 && (
          <p className="muted">{t("false_flags", { count: scorecard.falseFlags })}</p>
        )}
        {card.data?.hint && (
          <p>
            <strong>{t("hint")}:</strong> {l(card.data.hint)}
          </p>
        )}
      </section>
      <section aria-labelledby="who-title">
        <h2 id="who-title">{t("who_did_what")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("detail")}</th>
              </tr>
            </thead>
            <tbody>
              {(timeline.data?.items ?? []).map((e) => (
                <tr key={e.id}>
                  <td>
                    <span className="mono">{sinceInjection(e.at, injectedAt)}</span>{" "}
                    <span className="muted">{formatTime(lang, e.at, team?.timezone)}</span>
                  </td>
                  <td>{e.actorName}</td>
                  <td>{l(timelineAction(e.action))}</td>
                  <td>{e.text ?? (e.targets ? `${e.targets.length}` : "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ErrorNote error={timeline.error} />
      </section>
      <Review teamId={teamId} drillId={drillId} canEdit={role === "manager" || role === "responder"} />
    </article>
  );
}
