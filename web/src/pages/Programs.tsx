import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import type { Timing } from "../../../functions/core/planner.js";
import { type Program, ProgramInput, type ProgramSettings } from "../../../functions/core/program.js";
import { api, call } from "../api.js";
import { calendarPreview, monthWeeks, poolTimings } from "../calendar.js";
import { formatDate, formatMonth } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { useCurrentTeam } from "../session.js";
import { addMonths, monthOf } from "../team-month.js";
import { ErrorNote, Field, fieldError, Loading } from "../ui.js";
import { NoTeam } from "./Overview.js";

/** A new program starts from the API's own defaults (the schema is in this chunk already, via the planner). */
const defaults = (timezone: string): ProgramSettings => ProgramInput.parse({ timezone });

function settingsOf(p: Program): ProgramSettings {
  const { id: _id, teamId: _t, createdAt: _c, updatedAt: _u, version: _v, ...settings } = p;
  return settings;
}

function Calendar({ teamId, program }: { teamId: string; program: ProgramSettings }) {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(() => monthOf(Date.now(), program.timezone));
  const catalog = useQuery({
    queryKey: ["scenarios", teamId],
    queryFn: () => call(api.teams[":teamId"].scenarios.$get({ param: { teamId } })),
  });
  const ids =
    program.pool.length > 0
      ? program.pool.map((p) => p.scenarioId)
      : (catalog.data?.items ?? []).map((s) => s.id);
  // Each scenario's own time rule (night hours, narrowed business hours) lives in the full scenario.
  const full = useQueries({
    queries: ids.map((scenarioId) => ({
      queryKey: ["scenario", teamId, scenarioId],
      staleTime: 300_000,
      queryFn: () =>
        call(api.teams[":teamId"].scenarios[":scenarioId"].$get({ param: { teamId, scenarioId } })),
    })),
  });
  const timings = full.flatMap((q) => (q.data ? [q.data.scenario.timing as Timing] : []));
  const days = useMemo(() => {
    try {
      return calendarPreview(
        program,
        month,
        poolTimings(
          program,
          timings.map((timing) => ({ timing })),
        ),
        Date.now(),
      );
    } catch {
      // A half-typed time ("09:") is not a program yet; the form shows the field error on save.
      return [];
    }
  }, [program, month, timings]);
  const max = Math.max(1, ...days.map((d) => d.minutes));
  const weeks = monthWeeks(days);
  const weekdays = t("weekday_short").split(",");
  return (
    <section className="card" aria-labelledby="cal-title">
      <h3 id="cal-title">{t("calendar_preview")}</h3>
      <p className="hint">{t("calendar_hint")}</p>
      <div className="row">
        <button type="button" onClick={() => setMonth((m) => addMonths(m, -1))} aria-label="‹">
          ‹
        </button>
        <strong aria-live="polite">{formatMonth(lang, month)}</strong>
        <button type="button" onClick={() => setMonth((m) => addMonths(m, 1))} aria-label="›">
          ›
        </button>
      </div>
      <table className="calendar">
        <caption className="sr-only">{t("calendar_preview")}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th scope="col" key={w} className="cal-head">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((d) => d)?.date ?? "empty"}>
              {week.map((d, i) => {
                if (!d) {
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st and after the last day
                  return <td key={`blank-${i}`} className="cal-blank" />;
                }
                const label = d.minutes
                  ? t("allowed_minutes", { date: formatDate(lang, d.date), minutes: d.minutes })
                  : t("no_allowed", { date: formatDate(lang, d.date) });
                return (
                  <td
                    key={d.date}
                    className={d.minutes ? "cal-day on" : "cal-day off"}
                    style={
                      d.minutes
                        ? { ["--level" as string]: String(0.25 + (0.75 * d.minutes) / max) }
                        : undefined
                    }
                    title={label}
                    data-minutes={d.minutes}
                  >
                    <span aria-hidden="true">{Number(d.date.slice(8))}</span>
                    <span className="sr-only">{label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ProgramForm({
  teamId,
  initial,
  existing,
  onDone,
}: {
  teamId: string;
  initial: ProgramSettings;
  existing?: Program;
  onDone(message: string): void;
}) {
  const { t, l } = useI18n();
  const queryClient = useQueryClient();
  const [p, setP] = useState<ProgramSettings>(initial);
  const catalog = useQuery({
    queryKey: ["scenarios", teamId],
    queryFn: () => call(api.teams[":teamId"].scenarios.$get({ param: { teamId } })),
  });
  const save = useMutation({
    mutationFn: async () => {
      if (existing) {
        await call(
          api.teams[":teamId"].programs[":programId"].$put({
            param: { teamId, programId: existing.id },
            json: { program: p as unknown as Record<string, unknown>, expectedVersion: existing.version },
          }),
        );
        return t("program_saved");
      }
      const created = await call(
        api.teams[":teamId"].programs.$post({
          param: { teamId },
          json: p as unknown as Record<string, unknown>,
        }),
      );
      const reason = created.plan.reason;
      return reason
        ? t("plan_empty_reason", { reason: l(reason) })
        : t("program_created", { count: created.plan.drills.length });
    },
    onSuccess: async (message) => {
      await queryClient.invalidateQueries({ queryKey: ["programs", teamId] });
      await queryClient.invalidateQueries({ queryKey: ["drills", teamId] });
      onDone(message);
    },
  });
  const weekdays = t("weekday_short").split(",");
  const err = (path: string) => fieldError(save.error, path);
  const inPool = (id: string) => p.pool.find((e) => e.scenarioId === id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="stack">
      <div className="grid3">
        <Field label={t("drills_per_month")} error={err("drillsPerMonth")}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={5}
              value={p.drillsPerMonth}
              onChange={(e) => setP({ ...p, drillsPerMonth: Number(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t("timezone")} error={err("timezone")}>
          {(props) => (
            <input {...props} value={p.timezone} onChange={(e) => setP({ ...p, timezone: e.target.value })} />
          )}
        </Field>
        <Field label={t("escalation")} hint={t("escalation_hint")} error={err("escalationMinutes")}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={60}
              value={p.escalationMinutes}
              onChange={(e) => setP({ ...p, escalationMinutes: Number(e.target.value) })}
            />
          )}
        </Field>
      </div>
      <Field label={t("mode")} error={err("mode")}>
        {(props) => (
          <select
            {...props}
            value={p.mode}
            onChange={(e) => setP({ ...p, mode: e.target.value as ProgramSettings["mode"] })}
          >
            <option value="surprise">{t("mode_surprise")}</option>
            <option value="announced">{t("mode_announced")}</option>
          </select>
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={p.nightDrills}
          onChange={(e) => setP({ ...p, nightDrills: e.target.checked })}
        />
        {t("night_drills")}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={p.enabled}
          onChange={(e) => setP({ ...p, enabled: e.target.checked })}
        />
        {t("enabled")}
      </label>

      <fieldset className="card">
        <legend>{t("scenario_pool")}</legend>
        <p className="hint">{t("pool_hint")}</p>
        {err("pool") && <p className="field-error">{err("pool")}</p>}
        <ul className="pool">
          {(catalog.data?.items ?? []).map((s) => {
            const entry = inPool(s.id);
            return (
              <li key={s.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={Boolean(entry)}
                    onChange={(e) =>
                      setP({
                        ...p,
                        pool: e.target.checked
                          ? [...p.pool, { scenarioId: s.id, weight: 1 }]
                          : p.pool.filter((x) => x.scenarioId !== s.id),
                      })
                    }
                  />
                  {l(s.title)}
                </label>
                {entry && (
                  <input
                    type="number"
                    className="narrow"
                    aria-label={`${t("weight")} ${l(s.title)}`}
                    min={0.1}
                    max={10}
                    step={0.1}
                    value={entry.weight}
                    onChange={(e) =>
                      setP({
                        ...p,
                        pool: p.pool.map((x) =>
                          x.scenarioId === s.id ? { ...x, weight: Number(e.target.value) } : x,
                        ),
                      })
                    }
                  />
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset className="card">
        <legend>{t("windows")}</legend>
        {p.windows.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity beyond their position
          <div key={i} className="window">
            <fieldset className="days">
              <legend className="sr-only">{`${t("windows")} ${i + 1}`}</legend>
              {weekdays.map((name, d) => (
                <label key={name} className="day">
                  <input
                    type="checkbox"
                    checked={w.days.includes(d + 1)}
                    onChange={(e) => {
                      const days = e.target.checked
                        ? [...w.days, d + 1].sort()
                        : w.days.filter((x) => x !== d + 1);
                      setP({ ...p, windows: p.windows.map((x, j) => (j === i ? { ...x, days } : x)) });
                    }}
                  />
                  {name}
                </label>
              ))}
            </fieldset>
            <Field label={t("window_start")} error={err(`windows.${i}.start`)}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  value={w.start}
                  onChange={(e) =>
                    setP({
                      ...p,
                      windows: p.windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                    })
                  }
                />
              )}
            </Field>
            <Field label={t("window_end")} error={err(`windows.${i}.end`) ?? err(`windows.${i}.days`)}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  value={w.end}
                  onChange={(e) =>
                    setP({
                      ...p,
                      windows: p.windows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)),
                    })
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="link"
              onClick={() => setP({ ...p, windows: p.windows.filter((_, j) => j !== i) })}
            >
              {t("remove")}
            </button>
          </div>
        ))}
        {err("windows") && <p className="field-error">{err("windows")}</p>}
        <button
          type="button"
          onClick={() =>
            setP({ ...p, windows: [...p.windows, { days: [6, 7], start: "10:00", end: "16:00" }] })
          }
        >
          {t("add_window")}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t("quiet_hours")}</legend>
        {p.quietHours.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: quiet periods have no identity beyond their position
          <div key={i} className="window">
            <Field label={t("window_start")} error={err(`quietHours.${i}.start`)}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  value={q.start}
                  onChange={(e) =>
                    setP({
                      ...p,
                      quietHours: p.quietHours.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                    })
                  }
                />
              )}
            </Field>
            <Field label={t("window_end")} error={err(`quietHours.${i}.end`)}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  value={q.end}
                  onChange={(e) =>
                    setP({
                      ...p,
                      quietHours: p.quietHours.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)),
                    })
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="link"
              onClick={() => setP({ ...p, quietHours: p.quietHours.filter((_, j) => j !== i) })}
            >
              {t("remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setP({ ...p, quietHours: [...p.quietHours, { start: "12:00", end: "13:30" }] })}
        >
          {t("add_quiet")}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t("blackout_dates")}</legend>
        {p.blackoutDates.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a date being edited has no stable identity yet
          <div key={i} className="window">
            <Field label={`${t("blackout_dates")} ${i + 1}`} error={err(`blackoutDates.${i}`)}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={d}
                  onChange={(e) =>
                    setP({
                      ...p,
                      blackoutDates: p.blackoutDates.map((x, j) => (j === i ? e.target.value : x)),
                    })
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="link"
              onClick={() => setP({ ...p, blackoutDates: p.blackoutDates.filter((_, j) => j !== i) })}
            >
              {t("remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setP({ ...p, blackoutDates: [...p.blackoutDates, new Date().toISOString().slice(0, 10)] })
          }
        >
          {t("add_date")}
        </button>
      </fieldset>

      <Calendar teamId={teamId} program={p} />
      <ErrorNote error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {t("save_program")}
      </button>
    </form>
  );
}

export default function Programs() {
  const { t } = useI18n();
  const { team, loading } = useCurrentTeam();
  const queryClient = useQueryClient();
  const teamId = team?.id ?? "";
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const programs = useQuery({
    queryKey: ["programs", teamId],
    enabled: Boolean(team),
    queryFn: () => call(api.teams[":teamId"].programs.$get({ param: { teamId } })),
  });
  const remove = useMutation({
    mutationFn: (programId: string) =>
      call(api.teams[":teamId"].programs[":programId"].$delete({ param: { teamId, programId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["programs", teamId] }),
  });
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const manager = team.role === "manager";
  const items = (programs.data?.items ?? []) as unknown as Program[];
  const current = items.find((p) => p.id === editing);
  return (
    <>
      <h1>
        {t("programs_title")} · {team.name}
      </h1>
      <p className="hint">{t("programs_lead")}</p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {programs.isLoading && <Loading />}
      {items.length === 0 && !programs.isLoading && <p className="muted">{t("no_programs")}</p>}
      <ul className="cards">
        {items.map((p) => (
          <li key={p.id} className="card">
            <p>
              <strong>
                {t("drills_per_month")}: {p.drillsPerMonth}
              </strong>{" "}
              · {p.mode === "surprise" ? t("mode_surprise") : t("mode_announced")} · {p.timezone}
              {!p.enabled && ` · ${t("team_paused")}`}
            </p>
            <p className="muted">
              {t("scenario_pool")}:{" "}
              {p.pool.length === 0 ? t("all") : p.pool.map((e) => e.scenarioId).join(", ")}
            </p>
            {manager && (
              <div className="row">
                <button type="button" onClick={() => setEditing(p.id)}>
                  {t("edit_program")}
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    if (window.confirm(t("delete_program_confirm"))) remove.mutate(p.id);
                  }}
                >
                  {t("delete_program")}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={programs.error ?? remove.error} />
      {manager && editing === null && (
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          {t("new_program")}
        </button>
      )}
      {manager && editing !== null && (
        <section className="card" aria-labelledby="program-form-title">
          <h2 id="program-form-title">{editing === "new" ? t("new_program") : t("edit_program")}</h2>
          <ProgramForm
            key={editing}
            teamId={teamId}
            initial={current ? settingsOf(current) : defaults(team.timezone)}
            {...(current ? { existing: current } : {})}
            onDone={(m) => {
              setMessage(m);
              setEditing(null);
            }}
          />
          <button type="button" className="link" onClick={() => setEditing(null)}>
            {t("cancel")}
          </button>
        </section>
      )}
    </>
  );
}
