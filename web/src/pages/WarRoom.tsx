import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import type { ActionKind, Surface } from "../../../functions/core/vocabulary.js";
import { api, call, errorStatus, requestId } from "../api.js";
import { ACTION, formatTime, SURFACE, statusKey } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { useCurrentTeam } from "../session.js";
import { Avatar, Clock, ErrorNote, Field, Loading } from "../ui.js";
import {
  countNew,
  ITEM_ACTIONS,
  SURFACE_ACTIONS,
  TEAM_ACTIONS,
  TEXT_ACTIONS,
  targetsFor,
} from "../war-room.js";

/** Polling, not a stream: see web/README.md. */
const POLL_MS = 3_000;
const PAGE = 200;
const MAX_PAGES = 20;

type FeedPage = Awaited<ReturnType<typeof fetchFeedPage>>;
type Item = FeedPage["items"][number];

function fetchFeedPage(teamId: string, drillId: string, after: number) {
  return call(
    api.teams[":teamId"].drills[":drillId"].feed.$get({
      param: { teamId, drillId },
      query: { after: String(after), limit: String(PAGE) },
    }),
  );
}

/** The whole sandbox as it stands: every page, so flags, deletions and removals by teammates show too. */
async function fetchFeed(teamId: string, drillId: string) {
  const items: Item[] = [];
  let after = -1;
  let status: FeedPage["status"] = "injected";
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await fetchFeedPage(teamId, drillId, after);
    items.push(...page.items);
    status = page.status;
    if (!page.more) break;
    after = page.cursor;
  }
  return { items, status };
}

interface Act {
  action: ActionKind;
  targets?: string[];
  text?: string;
}

function ActionForm({
  action,
  onSubmit,
  onCancel,
  pending,
}: {
  action: ActionKind;
  onSubmit(text: string): void;
  onCancel?(): void;
  pending: boolean;
}) {
  const { t, l } = useI18n();
  const [text, setText] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(text);
    setText("");
  };
  const label =
    action === "post_announcement"
      ? t("announcement")
      : action === "blacklist_keyword"
        ? t("keyword")
        : action === "reply"
          ? t("reply_text")
          : t("message_text");
  return (
    <form onSubmit={submit} className="action-form" data-action={action}>
      <Field label={`${l(ACTION[action])} · ${label}`}>
        {(p) =>
          action === "blacklist_keyword" ? (
            <input {...p} required value={text} onChange={(e) => setText(e.target.value)} />
          ) : (
            <textarea
              {...p}
              required
              rows={2}
              placeholder={action === "post_announcement" ? t("announcement_placeholder") : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )
        }
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          {action === "post_announcement" ? t("post_announcement") : t("send")}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function ItemActions({
  item,
  name,
  act,
  pending,
  disabled,
}: {
  item: Item;
  name: string;
  act(a: Act): void;
  pending: boolean;
  disabled: boolean;
}) {
  const { t, l } = useI18n();
  const [textAction, setTextAction] = useState<ActionKind | null>(null);
  const actions = ITEM_ACTIONS[item.surface].filter(
    (a) => a !== "remove_member" || (item.author && !item.author.staff),
  );
  if (disabled) return null;
  return (
    <details className="item-actions">
      <summary aria-label={t("actions_for", { name })}>{t("more_actions")}</summary>
      <div className="menu">
        {actions.map((a) =>
          TEXT_ACTIONS.has(a) ? (
            <button key={a} type="button" onClick={() => setTextAction(a)}>
              {l(ACTION[a])}
            </button>
          ) : (
            <button
              key={a}
              type="button"
              disabled={
                pending ||
                (a === "remove_member" && item.author?.removed) ||
                (a.startsWith("delete") && item.deleted)
              }
              onClick={() =>
                a === "flag"
                  ? act({ action: "flag", targets: [item.id] })
                  : act({ action: a, targets: targetsFor(a, item) })
              }
            >
              {a === "flag" ? t("flag_incident") : l(ACTION[a])}
            </button>
          ),
        )}
      </div>
      {textAction && (
        <ActionForm
          action={textAction}
          pending={pending}
          onCancel={() => setTextAction(null)}
          onSubmit={(text) => {
            act({ action: textAction, targets: [item.id], text });
            setTextAction(null);
          }}
        />
      )}
    </details>
  );
}

function Marks({ item }: { item: Item }) {
  const { t } = useI18n();
  return (
    <>
      {item.flagged && <span className="mark flag">⚑ {t("flagged")}</span>}
      {item.deleted && <span className="mark">{t("deleted_item")}</span>}
      {item.author?.removed && <span className="mark">{t("removed_member")}</span>}
    </>
  );
}

function SelectBox({
  item,
  selected,
  toggle,
  name,
}: {
  item: Item;
  selected: boolean;
  toggle(): void;
  name: string;
}) {
  return (
    <input
      type="checkbox"
      className="select"
      aria-label={name}
      checked={selected}
      onChange={toggle}
      data-item={item.id}
    />
  );
}

function ChatItem(props: ItemProps) {
  const { t, l, lang } = useI18n();
  const { item } = props;
  const name = l(item.author?.name) || "—";
  if (item.kind === "join" || item.kind === "notice") {
    return (
      <li className="chat-notice" data-kind={item.kind} data-item={item.id}>
        {props.canAct && (
          <SelectBox item={item} selected={props.selected} toggle={props.toggle} name={l(item.text)} />
        )}
        <span>{l(item.text)}</span> <Marks item={item} />
        <ItemActions
          item={item}
          name={l(item.text)}
          act={props.act}
          pending={props.pending}
          disabled={!props.canAct}
        />
      </li>
    );
  }
  return (
    <li
      className={`chat-msg${item.author?.staff ? " staff" : ""}${item.deleted ? " is-deleted" : ""}`}
      data-kind={item.kind}
      data-item={item.id}
      data-author={item.author?.id}
      data-author-name={name}
      data-card-name={item.card ? l(item.card.name) : undefined}
    >
      <Avatar id={item.author?.id ?? item.id} name={name} />
      <div className="bubble-wrap">
        <div className="who">
          {props.canAct && (
            <SelectBox
              item={item}
              selected={props.selected}
              toggle={props.toggle}
              name={`${name}: ${l(item.card?.name) || l(item.text)}`}
            />
          )}
          <span className="name">{name}</span>
          <time className="muted">{formatTime(lang, item.at)}</time>
          <Marks item={item} />
        </div>
        {item.card ? (
          <div className="card-msg">
            <Avatar id={`card-${item.id}`} name={l(item.card.name)} />
            <div>
              <strong>{l(item.card.name)}</strong>
              <p className="muted">{l(item.card.note)}</p>
              <small>{t("business_card")}</small>
            </div>
          </div>
        ) : (
          <p className="bubble">{l(item.text)}</p>
        )}
        {item.card && item.text[lang] && <p className="bubble">{l(item.text)}</p>}
        <ItemActions
          item={item}
          name={name}
          act={props.act}
          pending={props.pending}
          disabled={!props.canAct}
        />
      </div>
    </li>
  );
}

interface ItemProps {
  item: Item;
  act(a: Act): void;
  pending: boolean;
  canAct: boolean;
  selected: boolean;
  toggle(): void;
}

function PostItem(props: ItemProps) {
  const { t, l, lang } = useI18n();
  const { item } = props;
  const [open, setOpen] = useState(false);
  const title = l(item.title) || l(item.text).slice(0, 40);
  return (
    <li className={`post${item.deleted ? " is-deleted" : ""}`} data-kind={item.kind} data-item={item.id}>
      <div className="row spread">
        <span className="row">
          {props.canAct && (
            <SelectBox item={item} selected={props.selected} toggle={props.toggle} name={title} />
          )}
          {item.author && <Avatar id={item.author.id} name={l(item.author.name)} />}
          <strong>{item.kind === "article" ? title : l(item.author?.name) || title}</strong>
        </span>
        <time className="muted">{formatTime(lang, item.at)}</time>
      </div>
      <Marks item={item} />
      {item.kind === "article" ? (
        <>
          <p>{l(item.text)}</p>
          {item.paragraphs && item.paragraphs.length > 0 && (
            <>
              <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
                {open ? t("read_less") : t("read_more")}
              </button>
              {open && (
                <div className="article-body">
                  {item.paragraphs.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are fixed text in order
                    <p key={i}>{l(p)}</p>
                  ))}
                </div>
              )}
            </>
          )}
        </>
      ) : (
        <p>{l(item.text)}</p>
      )}
      <ItemActions
        item={item}
        name={title}
        act={props.act}
        pending={props.pending}
        disabled={!props.canAct}
      />
    </li>
  );
}

function SurfaceView({
  surface,
  items,
  act,
  pending,
  canAct,
  selected,
  toggle,
}: {
  surface: Surface;
  items: Item[];
  act(a: Act): void;
  pending: boolean;
  canAct: boolean;
  selected: ReadonlySet<string>;
  toggle(id: string): void;
}) {
  const { t, l } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const [surfaceAction, setSurfaceAction] = useState<ActionKind | null>(null);
  const chatLike = surface === "group_chat" || surface === "client_dm";
  const members = useMemo(() => new Set(items.flatMap((i) => (i.author ? [i.author.id] : []))).size, [items]);
  // Chats stay pinned to the newest message unless the reader scrolled up to read history.
  useEffect(() => {
    const el = list.current;
    if (el && chatLike && stick.current) el.scrollTop = el.scrollHeight;
  });
  const shown = chatLike ? items : [...items].reverse();
  const client = items.find((i) => i.author && !i.author.staff);
  return (
    <section className={`surface surface-${surface}`} aria-label={l(SURFACE[surface])}>
      <header className="surface-head">
        <strong>
          {surface === "client_dm" && client
            ? t("dm_with", { name: l(client.author?.name) })
            : l(SURFACE[surface])}
        </strong>
        {surface === "group_chat" && <span className="muted">{t("members_count", { count: members })}</span>}
      </header>
      {items.length === 0 ? (
        <p className="muted pad">{t("surface_empty")}</p>
      ) : (
        <ol
          ref={list}
          className={chatLike ? "chat" : "posts"}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling feed must be reachable by keyboard to scroll it
          tabIndex={0}
          aria-label={l(SURFACE[surface])}
          onScroll={(e) => {
            const el = e.currentTarget;
            stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
        >
          {shown.map((item) => {
            const props = {
              item,
              act,
              pending,
              canAct,
              selected: selected.has(item.id),
              toggle: () => toggle(item.id),
            };
            return chatLike ? <ChatItem key={item.id} {...props} /> : <PostItem key={item.id} {...props} />;
          })}
        </ol>
      )}
      {canAct && SURFACE_ACTIONS[surface].length > 0 && (
        <div className="surface-actions">
          {SURFACE_ACTIONS[surface].map((a) => (
            <button
              key={a}
              type="button"
              onClick={() => setSurfaceAction(a)}
              aria-pressed={surfaceAction === a}
            >
              {l(ACTION[a])}
            </button>
          ))}
          {surfaceAction && (
            <ActionForm
              key={surfaceAction}
              action={surfaceAction}
              pending={pending}
              onCancel={() => setSurfaceAction(null)}
              onSubmit={(text) => {
                act({ action: surfaceAction, text });
                setSurfaceAction(null);
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}

function TeamActions({ act, pending }: { act(a: Act): void; pending: boolean }) {
  const { t, l } = useI18n();
  const [action, setAction] = useState<ActionKind>("notify_client");
  return (
    <section className="card" aria-labelledby="team-actions">
      <h2 id="team-actions" className="h3">
        {t("team_actions")}
      </h2>
      <Field label={t("action")}>
        {(p) => (
          <select {...p} value={action} onChange={(e) => setAction(e.target.value as ActionKind)}>
            {TEAM_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {l(ACTION[a])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ActionForm key={action} action={action} pending={pending} onSubmit={(text) => act({ action, text })} />
    </section>
  );
}

function Resolve({ teamId, drillId }: { teamId: string; drillId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState("");
  const resolve = useMutation({
    mutationFn: () =>
      call(
        api.teams[":teamId"].drills[":drillId"].resolve.$post({
          param: { teamId, drillId },
          json: { summary },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["drills", teamId] });
      navigate(`/teams/${teamId}/drills/${drillId}/report`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resolve.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="resolve-title">
      <h2 id="resolve-title" className="h3">
        {t("resolve")}
      </h2>
      <Field label={t("resolve_summary")} hint={t("resolve_hint")}>
        {(p) => (
          <textarea {...p} required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )}
      </Field>
      <ErrorNote error={resolve.error} />
      <button type="submit" className="primary" disabled={resolve.isPending}>
        {t("resolve_submit")}
      </button>
    </form>
  );
}

export default function WarRoom() {
  const { t, l } = useI18n();
  const { teamId = "", drillId = "" } = useParams<{ teamId: string; drillId: string }>();
  const { teams } = useCurrentTeam();
  const queryClient = useQueryClient();
  const role = teams.find((x) => x.id === teamId)?.role;
  const canAct = role === "manager" || role === "responder";
  const drill = useQuery({
    queryKey: ["drill", teamId, drillId],
    refetchInterval: POLL_MS,
    queryFn: () => call(api.teams[":teamId"].drills[":drillId"].$get({ param: { teamId, drillId } })),
  });
  const live = drill.data ? ["injected", "detected"].includes(drill.data.status) : false;
  const feed = useQuery({
    queryKey: ["feed", teamId, drillId],
    enabled: Boolean(drill.data?.injectedAt) && canAct,
    refetchInterval: live ? POLL_MS : false,
    queryFn: () => fetchFeed(teamId, drillId),
  });
  const [surface, setSurface] = useState<Surface>("group_chat");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const seen = useRef<Map<Surface, Set<string>>>(new Map());
  const act = useMutation({
    mutationFn: async (a: Act) => {
      const param = { teamId, drillId };
      if (a.action === "flag") {
        return call(
          api.teams[":teamId"].drills[":drillId"].flags.$post({
            param,
            json: { itemIds: a.targets ?? [], requestId: requestId() },
          }),
        );
      }
      return call(
        api.teams[":teamId"].drills[":drillId"].actions.$post({
          param,
          json: {
            action: a.action as Exclude<ActionKind, "acknowledge" | "flag" | "resolve">,
            ...(a.targets ? { targets: a.targets } : {}),
            ...(a.text ? { text: a.text } : {}),
            requestId: requestId(),
          },
        }),
      );
    },
    onSuccess: async (_r, a) => {
      setNotice(t("action_done", { action: a.action === "flag" ? t("flag_incident") : l(ACTION[a.action]) }));
      await queryClient.invalidateQueries({ queryKey: ["feed", teamId, drillId] });
    },
  });
  const ack = useMutation({
    mutationFn: () =>
      call(
        api.teams[":teamId"].drills[":drillId"].acknowledge.$post({
          param: { teamId, drillId },
          json: { requestId: requestId() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["drill", teamId, drillId] }),
  });

  const items = feed.data?.items ?? [];
  const surfaces = (drill.data?.surfaces ?? []) as Surface[];
  const bySurface = useMemo(() => {
    const map = new Map<Surface, Item[]>();
    for (const item of items) map.set(item.surface, [...(map.get(item.surface) ?? []), item]);
    return map;
  }, [items]);
  const unread = (s: Surface) => {
    if (s === surface) return 0;
    return countNew(seen.current.get(s) ?? new Set(), bySurface.get(s) ?? []);
  };
  useEffect(() => {
    // What is on screen counts as read; the other tabs keep their "n new" badge.
    for (const s of surfaces) {
      if (s === surface || !seen.current.has(s)) {
        seen.current.set(s, new Set((bySurface.get(s) ?? []).map((i) => i.id)));
      }
    }
  });

  if (drill.isLoading) return <Loading />;
  if (drill.error) {
    const status = errorStatus(drill.error);
    if (status === 404 || status === 403) {
      return (
        <section role="alert">
          <h1>{t("refused_title")}</h1>
          <p>{t("refused_body")}</p>
          <Link href="/">{t("go_home")}</Link>
        </section>
      );
    }
    return <ErrorNote error={drill.error} />;
  }
  const d = drill.data;
  if (!d) return null;
  const selectedItems = items.filter((i) => selected.has(i.id));
  const selectedAuthors = [
    ...new Set(selectedItems.flatMap((i) => (i.author && !i.author.removed ? [i.author.id] : []))),
  ];
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const doAct = (a: Act) => act.mutate(a);
  return (
    <div className="war-room">
      <section className="banner" aria-labelledby="banner-title">
        <div>
          <h1 id="banner-title">
            {t("war_room")} · {d.scenario ? l(d.scenario.title) : t("drill_banner_title")}
          </h1>
          <p>{t("drill_banner")}</p>
        </div>
        <div className="banner-side">
          {d.injectedAt !== undefined && (
            <p className="elapsed">
              <span>{t("elapsed")}</span>{" "}
              <Clock
                start={d.injectedAt}
                end={live ? undefined : (d.closedAt ?? d.resolvedAt)}
                label={t("elapsed")}
              />
            </p>
          )}
          {live && canAct && !d.acknowledgedAt && (
            <button type="button" onClick={() => ack.mutate()} disabled={ack.isPending}>
              {t("acknowledge")}
            </button>
          )}
          {d.acknowledgedAt !== undefined && <span className="badge">✓ {t("acknowledged")}</span>}
        </div>
      </section>
      {!live && (
        <p className="notice" role="status">
          {t("drill_over", { status: t(statusKey(d.status)) })}{" "}
          {d.status !== "aborted" && (
            <Link href={`/teams/${teamId}/drills/${drillId}/report`}>{t("open_report")}</Link>
          )}
        </p>
      )}
      {!canAct && <p className="notice">{t("not_allowed_role")}</p>}
      <ErrorNote error={feed.error ?? act.error ?? ack.error} />
      <p className="sr-only" aria-live="polite">
        {notice}
      </p>
      {notice && <p className="toast">{notice}</p>}
      {canAct && (
        <>
          <div className="tabs" role="tablist" aria-label={t("surfaces")}>
            {surfaces.map((s) => {
              const n = unread(s);
              return (
                <button
                  key={s}
                  type="button"
                  role="tab"
                  id={`tab-${s}`}
                  aria-selected={surface === s}
                  aria-controls="surface-panel"
                  onClick={() => setSurface(s)}
                >
                  {l(SURFACE[s])}
                  {n > 0 && (
                    <>
                      <span className="count" aria-hidden="true">
                        {n}
                      </span>
                      <span className="sr-only">{t("new_items", { count: n })}</span>
                    </>
                  )}
                </button>
              );
            })}
            <span className="muted small">{t("polling_note")}</span>
          </div>
          <div id="surface-panel" role="tabpanel" aria-labelledby={`tab-${surface}`}>
            <SurfaceView
              surface={surface}
              items={bySurface.get(surface) ?? []}
              act={doAct}
              pending={act.isPending}
              canAct={live}
              selected={selected}
              toggle={toggle}
            />
          </div>
          {live && selected.size > 0 && (
            <section className="selection-bar" aria-label={t("more_actions")}>
              <span>{selected.size}</span>
              <button
                type="button"
                onClick={() => {
                  doAct({ action: "flag", targets: [...selected] });
                  setSelected(new Set());
                }}
              >
                {t("flag_incident")}
              </button>
              {selectedAuthors.length > 0 && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    doAct({ action: "remove_member", targets: selectedAuthors });
                    setSelected(new Set());
                  }}
                >
                  {l(ACTION.remove_member)} ({selectedAuthors.length})
                </button>
              )}
              <button type="button" className="link" onClick={() => setSelected(new Set())}>
                {t("cancel")}
              </button>
            </section>
          )}
          {live && (
            <div className="grid2">
              <TeamActions act={doAct} pending={act.isPending} />
              <Resolve teamId={teamId} drillId={drillId} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
