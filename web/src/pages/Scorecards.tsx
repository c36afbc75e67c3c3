import { useQueries, useQuery } from "@tanstack/react-query";
import type { ChartConfiguration } from "chart.js";
import { useMemo, useState } from "react";
import type { TeamMonthFigures } from "../../../functions/core/aggregate.js";
import { api, call, client } from "../api.js";
import { LazyChart } from "../chart.js";
import { figuresOf, scenariosOverRange, series, slaOverRange, toMinutes } from "../figures.js";
import { ACTION, formatDuration, formatMonth, formatPercent } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { useCurrentTeam } from "../session.js";
import { addMonths, monthOf, monthRange } from "../team-month.js";
import { ErrorNote, Field, Loading } from "../ui.js";
import { NoTeam } from "./Overview.js";

const COLORS = ["#1d4ed8", "#b42318", "#067647", "#7a2e0e", "#6941c6", "#0e7090"];

export default function Scorecards() {
  const { t, l, lang } = useI18n();
  const { team, teams, loading } = useCurrentTeam();
  const now = team ? monthOf(Date.now(), team.timezone) : "2026-01";
  const [from, setFrom] = useState(() => addMonths(now, -5));
  const [to, setTo] = useState(now);
  const [practice, setPractice] = useState(false);
  const [compare, setCompare] = useState<string[]>([]);
  const teamIds = team ? [team.id, ...compare.filter((id) => id !== team.id)] : [];
  const range = from <= to ? { from, to } : { from: to, to: from };
  const results = useQueries({
    queries: teamIds.map((teamId) => ({
      queryKey: ["figures", teamId, range.from, range.to, String(practice)],
      queryFn: () =>
        call(
          api.teams[":teamId"].scorecards.$get({
            param: { teamId },
            query: { ...range, includePractice: practice ? "true" : "false", format: "json" },
          }),
        ),
    })),
  });
  const catalog = useQuery({
    queryKey: ["scenarios", team?.id ?? ""],
    enabled: Boolean(team),
    queryFn: () => call(api.teams[":teamId"].scenarios.$get({ param: { teamId: team?.id ?? "" } })),
  });
  const titles = new Map((catalog.data?.items ?? []).map((s) => [s.id, s.title]));
  const perTeam = teamIds.map((id, i) => ({
    id,
    name: teams.find((x) => x.id === id)?.name ?? id,
    figures: figuresOf(results[i]?.data).filter((f) => f.count > 0),
  }));
  const months = monthRange(range.from, range.to);
  const labels = months.map((m) => formatMonth(lang, m));
  const trend = (
    pick: (f: TeamMonthFigures) => number | null,
    dashed?: (f: TeamMonthFigures) => number | null,
  ) =>
    ({
      type: "line",
      data: {
        labels,
        datasets: perTeam.flatMap((p, i) => [
          {
            label: `${p.name} · ${t("median")}`,
            data: series(p.figures, range.from, range.to, pick),
            borderColor: COLORS[i % COLORS.length],
            backgroundColor: COLORS[i % COLORS.length],
            spanGaps: true,
          },
          ...(dashed
            ? [
                {
                  label: `${p.name} · ${t("p90")}`,
                  data: series(p.figures, range.from, range.to, dashed),
                  borderColor: COLORS[i % COLORS.length],
                  backgroundColor: COLORS[i % COLORS.length],
                  borderDash: [6, 4],
                  spanGaps: true,
                },
              ]
            : []),
        ]),
      },
    }) satisfies ChartConfiguration;
  const key = JSON.stringify([perTeam.map((p) => p.figures), lang, labels]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the figures and language the charts draw
  const charts = useMemo(
    () => ({
      ttd: trend(
        (f) => toMinutes(f.timeToDetect.median),
        (f) => toMinutes(f.timeToDetect.p90),
      ),
      ttr: trend(
        (f) => toMinutes(f.timeToResolve.median),
        (f) => toMinutes(f.timeToResolve.p90),
      ),
      pass: trend((f) => (f.passRate === null ? null : Math.round(f.passRate * 100))),
    }),
    [key],
  );
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const mine = perTeam[0]?.figures ?? [];
  const csvUrl = (teamId: string) =>
    client.api.teams[":teamId"].scorecards
      .$url({
        param: { teamId },
        query: { ...range, includePractice: practice ? "true" : "false", format: "csv" },
      })
      .toString();
  return (
    <>
      <h1>
        {t("scorecards_title")} · {team.name}
      </h1>
      <div className="row filters">
        <Field label={t("from_month")}>
          {(p) => (
            <input
              {...p}
              type="month"
              value={from}
              onChange={(e) => e.target.value && setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("to_month")}>
          {(p) => (
            <input {...p} type="month" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={practice} onChange={(e) => setPractice(e.target.checked)} />
          {t("include_practice")}
        </label>
        {perTeam.map((p) => (
          <a key={p.id} className="button" href={csvUrl(p.id)} download>
            {t("export_csv")}
            {perTeam.length > 1 ? ` · ${p.name}` : ""}
          </a>
        ))}
      </div>
      {teams.length > 1 && (
        <fieldset className="card">
          <legend>{t("compare_teams")}</legend>
          {teams
            .filter((x) => x.id !== team.id)
            .map((x) => (
              <label key={x.id} className="check">
                <input
                  type="checkbox"
                  checked={compare.includes(x.id)}
                  onChange={(e) =>
                    setCompare(e.target.checked ? [...compare, x.id] : compare.filter((id) => id !== x.id))
                  }
                />
                {x.name}
              </label>
            ))}
        </fieldset>
      )}
      {results.some((r) => r.isLoading) && <Loading />}
      {results.map((r, i) => (
        <ErrorNote key={teamIds[i]} error={r.error} />
      ))}
      {perTeam.every((p) => p.figures.length === 0) && !results.some((r) => r.isLoading) ? (
        <p className="muted">{t("no_figures")}</p>
      ) : (
        <>
          <div className="grid2">
            <section className="card">
              <h2 className="h3">{t("ttd_trend")}</h2>
              <LazyChart config={charts.ttd} label={t("ttd_trend")} />
            </section>
            <section className="card">
              <h2 className="h3">{t("ttr_trend")}</h2>
              <LazyChart config={charts.ttr} label={t("ttr_trend")} />
            </section>
            <section className="card">
              <h2 className="h3">{t("pass_rate")} (%)</h2>
              <LazyChart config={charts.pass} label={t("pass_rate")} />
            </section>
            <section className="card">
              <h2 className="h3">{t("sla_attainment")}</h2>
              <p className="hint">{t("sla_hint")}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("step")}</th>
                    {perTeam.map((p) => (
                      <th scope="col" key={p.id}>
                        {p.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {slaOverRange(perTeam.flatMap((p) => p.figures)).map(([kind]) => (
                    <tr key={kind}>
                      <th scope="row">{l(ACTION[kind])}</th>
                      {perTeam.map((p) => {
                        const a = slaOverRange(p.figures).find(([k]) => k === kind)?.[1];
                        return (
                          <td key={p.id}>
                            {a ? `${formatPercent(lang, a.rate)} (${a.met}/${a.drills})` : "—"}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <section>
            <h2>{t("month")}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("team")}</th>
                    <th scope="col">{t("month")}</th>
                    <th scope="col">{t("drills_count")}</th>
                    <th scope="col">{t("average_score")}</th>
                    <th scope="col">{t("pass_rate")}</th>
                    <th scope="col">
                      {t("ttd")} {t("median")} / {t("p90")}
                    </th>
                    <th scope="col">
                      {t("ttr")} {t("median")} / {t("p90")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {perTeam.flatMap((p) =>
                    p.figures.map((f) => (
                      <tr key={`${p.id}-${f.month}`}>
                        <td>{p.name}</td>
                        <td>{formatMonth(lang, f.month)}</td>
                        <td>{f.count}</td>
                        <td>{f.averageScore === null ? "—" : Math.round(f.averageScore)}</td>
                        <td>{formatPercent(lang, f.passRate)}</td>
                        <td>
                          {formatDuration(lang, f.timeToDetect.median)} /{" "}
                          {formatDuration(lang, f.timeToDetect.p90)}
                        </td>
                        <td>
                          {formatDuration(lang, f.timeToResolve.median)} /{" "}
                          {formatDuration(lang, f.timeToResolve.p90)}
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          </section>
          <section>
            <h2>{t("per_scenario")}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("scenario")}</th>
                    <th scope="col">{t("drills_count")}</th>
                    <th scope="col">{t("average_score")}</th>
                    <th scope="col">{t("pass_rate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {scenariosOverRange(mine).map((s) => (
                    <tr key={s.scenarioId}>
                      <td>{titles.get(s.scenarioId) ? l(titles.get(s.scenarioId)) : s.scenarioId}</td>
                      <td>{s.count}</td>
                      <td>{Math.round(s.averageScore)}</td>
                      <td>{formatPercent(lang, s.passRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
