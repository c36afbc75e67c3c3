import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { BUSINESSES, type Business } from "../../../functions/core/noise/types.js";
import type { ChannelKind, Role } from "../../../functions/core/ports.js";
import { api, call, fieldProblems } from "../api.js";
import { CHANNEL, DELIVERY_CODE, formatDateTime, type MessageKey, roleKey, SURFACE } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { type TeamView, useCurrentTeam, useMe } from "../session.js";
import { ErrorNote, Field, fieldError, Loading } from "../ui.js";
import { SANDBOX_SURFACES } from "../war-room.js";
import { CreateTeam, NoTeam } from "./Overview.js";

const ROLES: Role[] = ["manager", "responder", "viewer"];
const CHANNELS = Object.keys(CHANNEL) as ChannelKind[];
const SLOTS = ["primary", "backup", "managers"] as const;
type Slot = (typeof SLOTS)[number];

function Members({ teamId, manager }: { teamId: string; manager: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const me = useMe();
  const members = useQuery({
    queryKey: ["members", teamId],
    queryFn: () => call(api.teams[":teamId"].members.$get({ param: { teamId } })),
  });
  // People join when they accept, so until then they are invites, not members.
  const invites = useQuery({
    queryKey: ["invites", teamId],
    queryFn: () => call(api.teams[":teamId"].invites.$get({ param: { teamId } })),
    enabled: manager,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["members", teamId] }),
      queryClient.invalidateQueries({ queryKey: ["invites", teamId] }),
    ]);
  const withdraw = useMutation({
    mutationFn: (inviteId: string) =>
      call(api.teams[":teamId"].invites[":inviteId"].$delete({ param: { teamId, inviteId } })),
    onSettled: refresh,
  });
  const change = useMutation({
    mutationFn: (v: { userId: string; role: Role }) =>
      call(
        api.teams[":teamId"].members[":userId"].$patch({
          param: { teamId, userId: v.userId },
          json: { role: v.role },
        }),
      ),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      call(api.teams[":teamId"].members[":userId"].$delete({ param: { teamId, userId } })),
    onSettled: refresh,
  });
  // A reset link is shown once, to the manager who asked; only its hash is kept on the server.
  const [resetLink, setResetLink] = useState<{ name: string; url: string } | null>(null);
  const reset = useMutation({
    mutationFn: (m: { userId: string; name: string }) =>
      call(
        api.teams[":teamId"].members[":userId"]["password-reset"].$post({
          param: { teamId, userId: m.userId },
        }),
      ),
    onSuccess: (r, m) => setResetLink({ name: m.name, url: r.url }),
  });
  const [invite, setInvite] = useState({ email: "", name: "", role: "responder" as Role });
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => call(api.teams[":teamId"].members.$post({ param: { teamId }, json: invite })),
    onSuccess: async (m) => {
      setInviteUrl(m.invite?.url ?? null);
      setInvite({ email: "", name: "", role: "responder" });
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t("members")}</h2>
      {members.isLoading && <Loading />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              {manager && <th scope="col">{t("remove")}</th>}
            </tr>
          </thead>
          <tbody>
            {(members.data?.items ?? []).map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td className="muted">{m.email}</td>
                <td>
                  {manager ? (
                    <select
                      aria-label={`${t("role")} ${m.name}`}
                      value={m.role}
                      onChange={(e) => change.mutate({ userId: m.userId, role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(roleKey(r))}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(roleKey(m.role))
                  )}
                </td>
                {manager && (
                  <td>
                    {m.userId !== me.data?.id && (
                      <button type="button" className="link" onClick={() => remove.mutate(m.userId)}>
                        {t("remove")}
                        <span className="sr-only"> {m.name}</span>
                      </button>
                    )}{" "}
                    <button
                      type="button"
                      className="link"
                      onClick={() => reset.mutate({ userId: m.userId, name: m.name })}
                    >
                      {t("reset_link")}
                      <span className="sr-only"> {m.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorNote error={members.error ?? change.error ?? remove.error ?? reset.error} />
      {resetLink && (
        <div className="notice" role="status">
          <p>{t("reset_link_ready", { name: resetLink.name })}</p>
          <code className="break">{resetLink.url}</code>{" "}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(resetLink.url)}>
            {t("copy")}
          </button>
        </div>
      )}
      {manager && (invites.data?.items ?? []).length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t("invites_pending")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("invite_expires")}</th>
                <th scope="col">{t("invite_withdraw")}</th>
              </tr>
            </thead>
            <tbody>
              {(invites.data?.items ?? []).map((i) => (
                <tr key={i.id}>
                  <td className="muted">{i.email}</td>
                  <td>{t(roleKey(i.role))}</td>
                  <td>{formatDateTime(lang, i.expiresAt)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => withdraw.mutate(i.id)}>
                      {t("invite_withdraw")}
                      <span className="sr-only"> {i.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ErrorNote error={invites.error ?? withdraw.error} />
        </div>
      )}
      {manager && (
        <form onSubmit={submit} className="card">
          <h3>{t("invite_member")}</h3>
          <div className="grid3">
            <Field label={t("name")} error={fieldError(add.error, "name")}>
              {(p) => (
                <input
                  {...p}
                  required
                  value={invite.name}
                  onChange={(e) => setInvite({ ...invite, name: e.target.value })}
                />
              )}
            </Field>
            <Field label={t("email")} error={fieldError(add.error, "email")}>
              {(p) => (
                <input
                  {...p}
                  type="email"
                  required
                  value={invite.email}
                  onChange={(e) => setInvite({ ...invite, email: e.target.value })}
                />
              )}
            </Field>
            <Field label={t("role")}>
              {(p) => (
                <select
                  {...p}
                  value={invite.role}
                  onChange={(e) => setInvite({ ...invite, role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(roleKey(r))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <ErrorNote error={add.error} />
          <button type="submit" className="primary" disabled={add.isPending}>
            {t("invite_member")}
          </button>
          {inviteUrl && (
            <div className="notice" role="status">
              <p>{t("invite_link_ready")}</p>
              <code className="break" data-testid="invite-url">
                {inviteUrl}
              </code>{" "}
              <button type="button" onClick={() => void navigator.clipboard?.writeText(inviteUrl)}>
                {t("copy")}
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

interface ContactDraft {
  userId: string;
  channel: ChannelKind;
  target: string;
  secret: string;
  masked: string;
}

function Roster({ teamId, manager }: { teamId: string; manager: boolean }) {
  const { t, l } = useI18n();
  const queryClient = useQueryClient();
  const roster = useQuery({
    queryKey: ["roster", teamId],
    queryFn: () => call(api.teams[":teamId"].roster.$get({ param: { teamId } })),
  });
  const members = useQuery({
    queryKey: ["members", teamId],
    queryFn: () => call(api.teams[":teamId"].members.$get({ param: { teamId } })),
  });
  const [draft, setDraft] = useState<Record<Slot, ContactDraft>>(() => {
    const empty = (): ContactDraft => ({ userId: "", channel: "wecom", target: "", secret: "", masked: "" });
    return { primary: empty(), backup: empty(), managers: empty() };
  });
  useEffect(() => {
    const data = roster.data;
    if (!data) return;
    setDraft((d) => {
      const next = { ...d };
      for (const slot of SLOTS) {
        const c = data[slot];
        next[slot] = c
          ? { userId: c.userId, channel: c.channel, target: "", secret: "", masked: c.target }
          : { userId: "", channel: "wecom", target: "", secret: "", masked: "" };
      }
      return next;
    });
  }, [roster.data]);
  const save = useMutation({
    mutationFn: () => {
      const body: Partial<
        Record<Slot, { userId: string; channel: ChannelKind; target?: string; secret?: string }>
      > = {};
      for (const slot of SLOTS) {
        const c = draft[slot];
        if (!c.userId) continue;
        body[slot] = {
          userId: c.userId,
          channel: c.channel,
          ...(c.target ? { target: c.target } : {}),
          ...(c.secret ? { secret: c.secret } : {}),
        };
      }
      return call(api.teams[":teamId"].roster.$put({ param: { teamId }, json: body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["roster", teamId] }),
  });
  const test = useMutation({
    mutationFn: () => call(api.teams[":teamId"].roster["test-page"].$post({ param: { teamId } })),
  });
  const slotLabel = { primary: t("slot_primary"), backup: t("slot_backup"), managers: t("slot_managers") };
  // A refused webhook comes with a code: say why in the reader's language, not the API's English.
  const targetError = (slot: Slot) => {
    const problem = fieldProblems(save.error).find((p) => p.path === `${slot}.target`);
    const known = problem?.code ? DELIVERY_CODE[problem.code] : undefined;
    return known ? l(known) : fieldError(save.error, `${slot}.target`);
  };
  const why = (code?: string, vendorCode?: number) => {
    const known = code ? DELIVERY_CODE[code] : undefined;
    const words = known ? l(known) : (code ?? "");
    return vendorCode !== undefined ? `${words} (${vendorCode})` : words;
  };
  const eligible = (slot: Slot) =>
    (members.data?.items ?? []).filter((m) =>
      slot === "managers" ? m.role === "manager" : m.role !== "viewer",
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t("roster_title")}</h2>
      <p className="hint">{t("roster_lead")}</p>
      {roster.isLoading && <Loading />}
      <form onSubmit={submit}>
        {SLOTS.map((slot) => {
          const c = draft[slot];
          const set = (patch: Partial<ContactDraft>) =>
            setDraft((d) => ({ ...d, [slot]: { ...d[slot], ...patch } }));
          return (
            <fieldset key={slot} className="card" disabled={!manager}>
              <legend>{slotLabel[slot]}</legend>
              <div className="grid3">
                <Field label={t("person")} error={fieldError(save.error, `${slot}.userId`)}>
                  {(p) => (
                    <select {...p} value={c.userId} onChange={(e) => set({ userId: e.target.value })}>
                      <option value="">{t("not_set")}</option>
                      {eligible(slot).map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t("channel")} error={fieldError(save.error, `${slot}.channel`)}>
                  {(p) => (
                    <select
                      {...p}
                      value={c.channel}
                      onChange={(e) => set({ channel: e.target.value as ChannelKind })}
                    >
                      {CHANNELS.map((k) => (
                        <option key={k} value={k}>
                          {l(CHANNEL[k])}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  label={t("webhook_url")}
                  hint={c.masked ? t("webhook_keep", { masked: c.masked }) : undefined}
                  error={targetError(slot)}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="url"
                      inputMode="url"
                      autoComplete="off"
                      placeholder={c.masked || "https://"}
                      value={c.target}
                      onChange={(e) => set({ target: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <Field label={t("signing_secret")} error={fieldError(save.error, `${slot}.secret`)}>
                {(p) => (
                  <input
                    {...p}
                    type="password"
                    autoComplete="off"
                    value={c.secret}
                    onChange={(e) => set({ secret: e.target.value })}
                  />
                )}
              </Field>
            </fieldset>
          );
        })}
        <ErrorNote error={save.error} />
        {save.isSuccess && (
          <p role="status" className="ok">
            {t("saved")}
          </p>
        )}
        {manager && (
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("save_roster")}
          </button>
        )}
      </form>
      {manager && (
        <div className="card">
          <h3>{t("test_page")}</h3>
          <p className="hint">{t("test_page_lead")}</p>
          <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
            {test.isPending ? t("loading") : t("test_page")}
          </button>
          <ErrorNote error={test.error} />
          {test.data && (
            <div aria-live="polite">
              <h4>{t("test_page_result")}</h4>
              {test.data.results.length === 0 ? (
                <p>{t("no_roster")}</p>
              ) : (
                <ul className="list">
                  {test.data.results.map((r) => (
                    <li key={r.slot} className={r.ok ? "ok" : "bad"}>
                      <strong>{slotLabel[r.slot]}</strong> {r.name} · {l(CHANNEL[r.channel])} ·{" "}
                      <code>{r.target}</code>
                      <span>
                        {r.outcome === "delivered"
                          ? `✓ ${t("delivered")}`
                          : r.outcome === "refused"
                            ? `✗ ${t("refused")}`
                            : `✗ ${t("not_delivered")}`}
                        {r.status !== undefined ? ` · ${t("http_status", { status: r.status })}` : ""} ·{" "}
                        {t("attempts", { count: r.attempts })} · {r.durationMs} ms
                        {r.code ? ` · ${why(r.code, r.vendorCode)}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

const CONTEXT_KEYS = ["brand", "group", "client", "staff"] as const;
type ContextKey = (typeof CONTEXT_KEYS)[number];
type Names = Record<ContextKey, { zh: string; en: string }>;
type SandboxSurface = (typeof SANDBOX_SURFACES)[number];

function DrillNames({ team }: { team: TeamView }) {
  const { t, l } = useI18n();
  const queryClient = useQueryClient();
  const [names, setNames] = useState<Names>(() => {
    const c = team.context as Partial<Names>;
    return Object.fromEntries(
      CONTEXT_KEYS.map((k) => [k, { zh: c[k]?.zh ?? "", en: c[k]?.en ?? "" }]),
    ) as Names;
  });
  const [business, setBusiness] = useState<Business | "">(team.context.business ?? "");
  const [surfaces, setSurfaces] = useState<SandboxSurface[]>(() => {
    const own = (team.context.surfaces ?? []).filter((s): s is SandboxSurface =>
      (SANDBOX_SURFACES as readonly string[]).includes(s),
    );
    return own.length > 0 ? own : [...SANDBOX_SURFACES];
  });
  const save = useMutation({
    mutationFn: () => {
      // A name is given in both languages or not at all.
      const context = {
        ...Object.fromEntries(
          CONTEXT_KEYS.flatMap((k) => {
            const zh = names[k].zh.trim();
            const en = names[k].en.trim();
            return zh || en ? [[k, { zh: zh || en, en: en || zh }]] : [];
          }),
        ),
        ...(business ? { business } : {}),
        surfaces: SANDBOX_SURFACES.filter((s) => surfaces.includes(s)),
      };
      return call(api.teams[":teamId"].$patch({ param: { teamId: team.id }, json: { context } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["teams"] }),
  });
  const label: Record<ContextKey, string> = {
    brand: t("ctx_brand"),
    group: t("ctx_group"),
    client: t("ctx_client"),
    staff: t("ctx_staff"),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="names-title">
      <h2 id="names-title" className="h3">
        {t("drill_names")}
      </h2>
      <p className="hint">{t("drill_names_lead")}</p>
      {CONTEXT_KEYS.map((k) => (
        <div className="grid2" key={k}>
          {(["zh", "en"] as const).map((lang) => (
            <Field key={lang} label={`${label[k]} · ${lang === "zh" ? t("in_zh") : t("in_en")}`}>
              {(p) => (
                <input
                  {...p}
                  maxLength={80}
                  value={names[k][lang]}
                  onChange={(e) => setNames({ ...names, [k]: { ...names[k], [lang]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </div>
      ))}
      <Field label={t("ctx_business")}>
        {(p) => (
          <select {...p} value={business} onChange={(e) => setBusiness(e.target.value as Business | "")}>
            <option value="">{t("ctx_business_unset")}</option>
            {BUSINESSES.map((b) => (
              <option key={b} value={b}>
                {t(`biz_${b}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="surface-picks">
        <legend>{t("ctx_surfaces")}</legend>
        <p className="hint">{t("ctx_surfaces_hint")}</p>
        {SANDBOX_SURFACES.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={surfaces.includes(s)}
              // The last one stays: a team works on at least one surface.
              disabled={surfaces.length === 1 && surfaces.includes(s)}
              onChange={(e) =>
                setSurfaces(e.target.checked ? [...surfaces, s] : surfaces.filter((x) => x !== s))
              }
            />{" "}
            {l(SURFACE[s])}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={save.error} />
      {save.isSuccess && (
        <p role="status" className="ok">
          {t("saved")}
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t("save_names")}
      </button>
    </form>
  );
}

export default function Teams() {
  const { t } = useI18n();
  const { team, loading } = useCurrentTeam();
  const me = useMe();
  if (loading) return <Loading />;
  if (!team) return <NoTeam />;
  const manager = team.role === "manager";
  return (
    <>
      <h1>
        {t("teams_title")} · {team.name}
      </h1>
      <Members teamId={team.id} manager={manager} />
      {manager && <DrillNames key={team.id} team={team} />}
      <Roster teamId={team.id} manager={manager} />
      {me.data?.admin && <CreateTeam />}
    </>
  );
}
