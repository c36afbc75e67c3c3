import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { api, call, fieldProblems } from "../api.js";
import { useI18n } from "../i18n-react.js";
import { scenarioTemplate } from "../scenario-template.js";
import { useCurrentTeam } from "../session.js";
import { ErrorNote, Field, Loading } from "../ui.js";
import { NoTeam } from "./Overview.js";

/** Selects line `line` (1-based) of a textarea, so a problem's line is one click away. */
function selectLine(area: HTMLTextAreaElement, line: number) {
  const lines = area.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

export default function ScenarioEditor() {
  const { t } = useI18n();
  const params = useParams<{ scenarioId?: string }>();
  const editingId = params.scenarioId;
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { team, loading } = useCurrentTeam();
  const teamId = team?.id ?? "";
  const [id, setId] = useState(editingId ?? "my-scenario");
  const [source, setSource] = useState(() => (editingId ? "" : scenarioTemplate("my-scenario")));
  const [version, setVersion] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const existing = useQuery({
    queryKey: ["scenario", teamId, editingId],
    enabled: Boolean(team && editingId),
    queryFn: () =>
      call(
        api.teams[":teamId"].scenarios[":scenarioId"].$get({
          param: { teamId, scenarioId: editingId ?? "" },
        }),
      ),
  });
  useEffect(() => {
    if (!existing.data) return;
    setSource(existing.data.source ?? "");
    setVersion(Number(existing.data.scenario.version ?? 0));
  }, [existing.data]);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.teams[":teamId"].scenarios[":scenarioId"].$put({
          param: { teamId, scenarioId: id },
          json: { source, expectedVersion: version },
        }),
      ),
    onSuccess: async (r) => {
      setVersion(r.version);
      await queryClient.invalidateQueries({ queryKey: ["scenarios", teamId] });
      navigate(`/scenarios/${r.scenarioId}`);
    },
  });
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const problems = fieldProblems(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <Link href="/scenarios">← {t("back")}</Link>
      <h1>{editingId ? t("edit_custom") : t("new_custom")}</h1>
      <form onSubmit={submit} className="editor">
        <Field
          label={t("scenario_id")}
          error={problems.find((p) => p.path === "id" || p.path === "scenarioId")?.message}
        >
          {(p) => (
            <input
              {...p}
              required
              pattern="[a-z][a-z0-9]*(-[a-z0-9]+)*"
              disabled={Boolean(editingId)}
              value={id}
              onChange={(e) => {
                const next = e.target.value;
                setSource((s) => s.replace(/^id: .*$/m, `id: ${next}`));
                setId(next);
              }}
            />
          )}
        </Field>
        <div className="editor-body">
          <Field label={t("yaml_source")}>
            {(p) => (
              <textarea
                {...p}
                ref={area}
                className="code"
                spellCheck={false}
                rows={28}
                value={source}
                onChange={(e) => setSource(e.target.value)}
              />
            )}
          </Field>
          {problems.length > 0 && (
            <aside className="problems" aria-labelledby="problems-title">
              <h2 id="problems-title" className="h3">
                {t("field_errors")}
              </h2>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.path}:${p.message}:${p.line ?? ""}`}>
                    <code>{p.path || "—"}</code>
                    {p.line !== undefined && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => area.current && selectLine(area.current, p.line ?? 1)}
                      >
                        {t("line", { line: p.line })}
                      </button>
                    )}
                    <p>{p.message}</p>
                  </li>
                ))}
              </ul>
            </aside>
          )}
        </div>
        {problems.length === 0 && <ErrorNote error={save.error} />}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("validate_save")}
        </button>
      </form>
    </>
  );
}
