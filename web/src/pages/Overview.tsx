import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { api, call } from "../api.js";
import { figuresOf } from "../figures.js";
import { formatDateTime, formatPercent, statusKey } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { useCurrentTeam, useMe } from "../session.js";
import { monthOf } from "../team-month.js";
import { Clock, ConfirmDialog, ErrorNote, Field, fieldError, Loading } from "../ui.js";

export function CreateTeam() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { setTeamId } = useCurrentTeam();
  const [name, setName] = useState("");
  const [timezone, setTimezone] = useState(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "Asia/Shanghai",
  );
  const create = useMutation({
    mutationFn: () => call(api.teams.$post({ json: { name, timezone, context: {} } })),
    onSuccess: async (team) => {
      setTeamId(team.id);
      setName("");
      await queryClient.invalidateQueries({ queryKey: ["teams"] });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} className="card">
      <h2>{t("create_team")}</h2>
      <Field label={t("team_name")} error={fieldError(create.error, "name")}>
        {(p) => (
          <input {...p} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t("timezone")} error={fieldError(create.error, "timezone")}>
        {(p) => <input {...p} required value={timezone} onChange={(e) => setTimezone(e.target.value)} />}
      </Field>
      <ErrorNote error={create.error} />
      <button type="submit" className="primary" disabled={create.isPending}>
        {t("create_team")}
      </button>
    </form>
  );
}

export function NoTeam() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <section>
      <h1>{t("no_team_title")}</h1>
      <p>{me.data?.admin ? t("no_team_lead") : t("no_team_member")}</p>
      {me.data?.admin && <CreateTeam />}
    </section>
  );
}

function KillSwitch({ teamId, paused }: { teamId: string; paused: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<number | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["teams"] }),
      queryClient.invalidateQueries({ queryKey: ["drills", teamId] }),
    ]);
  const pull = useMutation({
    mutationFn: () =>
      call(api.teams[":teamId"]["kill-switch"].$post({ param: { teamId }, json: { reason } })),
    onSuccess: async (r) => {
      setOpen(false);
      setDone(r.aborted.length);
      await refresh();
    },
  });
  const resume = useMutation({
    mutationFn: () => call(api.teams[":teamId"]["kill-switch"].$delete({ param: { teamId } })),
    onSuccess: refresh,
  });
  return (
    <section className="card danger-zone" aria-labelledby="kill-title">
      <h2 id="kill-title">{t("kill_switch")}</h2>
      {paused ? (
        <>
          <p role="status">{t("team_paused")}</p>
          <button type="button" onClick={() => resume.mutate()} disabled={resume.isPending}>
            {t("resume_team")}
          </button>
        </>
      ) : (
        <>
          <p>{t("kill_switch_lead")}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setOpen(true);
            }}
          >
            <Field label={t("kill_switch_reason")}>
              {(p) => <input {...p} required value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <button type="submit" className="danger">
              {t("kill_switch")}
            </button>
          </form>
        </>
      )}
      {done !== null && <p role="status">{t("kill_switch_done", { count: done })}</p>}
      <ErrorNote error={pull.error ?? resume.error} />
      <ConfirmDialog
        open={open}
        title={t("kill_switch_confirm_title")}
        body={t("kill_switch_confirm_body")}
        confirmLabel={t("kill_switch_do")}
        danger
        onCancel={() => setOpen(false)}
        onConfirm={() => pull.mutate()}
      />
    </section>
  );
}

export default function Overview() {
  const { t, l, lang } = useI18n();
  const { team, loading } = useCurrentTeam();
  const teamId = team?.id ?? "";
  const month = team ? monthOf(Date.now(), team.timezone) : "";
  const manager = team?.role === "manager";
  const drills = useQuery({
    queryKey: ["drills", teamId, "month", month],
    enabled: Boolean(team),
    refetchInterval: 5_000,
    queryFn: () =>
      call(api.teams[":teamId"].drills.$get({ param: { teamId }, query: { month, limit: "100" } })),
  });
  const live = useQuery({
    queryKey: ["drills", teamId, "live"],
    enabled: Boolean(team),
    refetchInterval: 5_000,
    queryFn: async () => {
      const [injected, detected] = await Promise.all(
        (["injected", "detected"] as const).map((status) =>
          call(api.teams[":teamId"].drills.$get({ param: { teamId }, query: { status, limit: "25" } })),
        ),
      );
      return [...(injected?.items ?? []), ...(detected?.items ?? [])];
    },
  });
  const figures = useQuery({
    queryKey: ["figures", teamId, month, month, "true"],
    enabled: Boolean(team),
    queryFn: () =>
      call(
        api.teams[":teamId"].scorecards.$get({
          param: { teamId },
          query: { from: month, to: month, includePractice: "true", format: "json" },
        }),
      ),
  });
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const items = drills.data?.items ?? [];
  const upcoming = items.filter((d) => d.status === "scheduled").sort((a, b) => a.plannedAt - b.plannedAt);
  const finished = items.filter((d) => ["resolved", "timed_out", "aborted"].includes(d.status));
  const f = figuresOf(figures.data)[0];
  return (
    <>
      <h1>
        {t("overview_title")} · {team.name}
      </h1>
      {team.paused && (
        <p className="notice" role="status">
          {t("team_paused")}
        </p>
      )}
      <section aria-labelledby="live-title">
        <h2 id="live-title">{t("live_drills")}</h2>
        {live.isLoading ? (
          <Loading />
        ) : (live.data ?? []).length === 0 ? (
          <p className="muted">{t("no_live")}</p>
        ) : (
          <ul className="cards">
            {(live.data ?? []).map((d) => (
              <li key={d.id} className="card live">
                <div className="row spread">
                  <strong>{d.scenario ? l(d.scenario.title) : t("drill_banner_title")}</strong>
                  <span className="badge">{d.practice ? t("practice") : t("official")}</span>
                </div>
                {d.injectedAt !== undefined && (
                  <p>
                    {t("elapsed")} <Clock start={d.injectedAt} label={t("elapsed")} />
                  </p>
                )}
                <Link href={`/teams/${teamId}/drills/${d.id}`} className="button primary">
                  {t("open_war_room")}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <ErrorNote error={live.error} />
      </section>
      {manager && (
        <section aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t("upcoming_drills")}</h2>
          <p className="hint">{t("upcoming_hint")}</p>
          {upcoming.length === 0 ? (
            <p className="muted">{t("no_upcoming")}</p>
          ) : (
            <ul className="list">
              {upcoming.map((d) => (
                <li key={d.id}>
                  <span>{d.scenario ? l(d.scenario.title) : d.id}</span>
                  <span className="muted">
                    {t("planned_at")} {formatDateTime(lang, d.plannedAt, team.timezone)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("month_results")}</h2>
        {f && (f.count ?? 0) > 0 && (
          <dl className="stats">
            <div>
              <dt>{t("drills_count")}</dt>
              <dd>{f.count}</dd>
            </div>
            <div>
              <dt>{t("average_score")}</dt>
              <dd>
                {f.averageScore === null || f.averageScore === undefined ? "—" : Math.round(f.averageScore)}
              </dd>
            </div>
            <div>
              <dt>{t("pass_rate")}</dt>
              <dd>{formatPercent(lang, f.passRate)}</dd>
            </div>
          </dl>
        )}
        {finished.length === 0 ? (
          <p className="muted">{t("no_results")}</p>
        ) : (
          <ul className="list">
            {finished.map((d) => (
              <li key={d.id}>
                <span>{d.scenario ? l(d.scenario.title) : d.id}</span>
                <span className={`status status-${d.status}`}>{t(statusKey(d.status))}</span>
                {d.status !== "aborted" && (
                  <Link href={`/teams/${teamId}/drills/${d.id}/report`}>{t("open_report")}</Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <ErrorNote error={drills.error ?? figures.error} />
      </section>
      {manager && <KillSwitch teamId={teamId} paused={team.paused} />}
    </>
  );
}
