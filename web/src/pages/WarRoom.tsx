import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import type { ActionKind, Surface } from "../../../functions/core/vocabulary.js";
import { api, call, errorStatus, requestId } from "../api.js";
import { ACTION, formatDateTime, formatTime, SURFACE, statusKey } from "../i18n.js";
import { useI18n } from "../i18n-react.js";
import { useCurrentTeam } from "../session.js";
import { Avatar, Clock, ErrorNote, Field, Loading, Refused } from "../ui.js";
import {
  dayLabel,
  ITEM_ACTIONS,
  isRemovalNotice,
  type OwnMessage,
  ownMessages,
  SURFACE_ACTIONS,
  TEAM_ACTIONS,
  TEXT_ACTIONS,
  targetsFor,
  unreadCount,
  withDays,
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

interface RowContext {
  act(a: Act): void;
  pending: boolean;
  /** The drill runs and the caller may act. */
  canAct: boolean;
  selecting: boolean;
  selected: ReadonlySet<string>;
  toggle(id: string): void;
  startSelecting(id: string): void;
  timeZone?: string | undefined;
}

const LONG_PRESS_MS = 500;

/** Long-press on touch, right-click on a mouse: both open the item's menu, as chat apps do. */
function usePress(open: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  return {
    onPointerDown: (e: React.PointerEvent) => {
      if (e.pointerType !== "touch") return;
      cancel();
      timer.current = setTimeout(open, LONG_PRESS_MS);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    onContextMenu: (e: React.MouseEvent) => {
      e.preventDefault();
      open();
    },
  };
}

/** The "操作 / Actions" menu under a message: its actions, and the way into multi-select. */
function ItemMenu({
  item,
  name,
  ctx,
  open,
  setOpen,
}: {
  item: Item;
  name: string;
  ctx: RowContext;
  open: boolean;
  setOpen(open: boolean): void;
}) {
  const { t, l } = useI18n();
  const [textAction, setTextAction] = useState<ActionKind | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
    const close = (e: MouseEvent) => {
      if (menu.current && !menu.current.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open, setOpen]);
  if (!ctx.canAct || ctx.selecting || isRemovalNotice(item)) return null;
  const actions = ITEM_ACTIONS[item.surface].filter(
    (a) => a !== "remove_member" || (item.author && !item.author.staff),
  );
  const run = (a: Act) => {
    ctx.act(a);
    setOpen(false);
  };
  return (
    <div className="item-menu">
      <button
        type="button"
        className="menu-button"
        aria-label={t("actions_for", { name })}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t("more_actions")}
      </button>
      {open && (
        <div
          ref={menu}
          className="menu"
          role="menu"
          aria-label={t("actions_for", { name })}
          onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        >
          {actions.map((a) =>
            TEXT_ACTIONS.has(a) ? (
              <button
                key={a}
                type="button"
                role="menuitem"
                onClick={() => {
                  setTextAction(a);
                  setOpen(false);
                }}
              >
                {l(ACTION[a])}
              </button>
            ) : (
              <button
                key={a}
                type="button"
                role="menuitem"
                className={a === "remove_member" || a.startsWith("delete") ? "danger-text" : undefined}
                disabled={
                  ctx.pending ||
                  (a === "remove_member" && item.author?.removed) ||
                  (a.startsWith("delete") && item.deleted)
                }
                onClick={() => run({ action: a, targets: targetsFor(a, item) })}
              >
                {a === "flag" ? t("flag_incident") : l(ACTION[a])}
              </button>
            ),
          )}
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              ctx.startSelecting(item.id);
              setOpen(false);
            }}
          >
            {t("select_mode")}
          </button>
        </div>
      )}
      {textAction && (
        <ActionForm
          action={textAction}
          pending={ctx.pending}
          onCancel={() => setTextAction(null)}
          onSubmit={(text) => {
            ctx.act({ action: textAction, targets: [item.id], text });
            setTextAction(null);
          }}
        />
      )}
    </div>
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

/** In multi-select mode, the round tick chat apps show beside each message. */
function SelectTick({ item, name, ctx }: { item: Item; name: string; ctx: RowContext }) {
  const { t } = useI18n();
  if (!ctx.selecting || isRemovalNotice(item)) return null;
  const on = ctx.selected.has(item.id);
  return (
    <button
      type="button"
      className={`tick${on ? " on" : ""}`}
      aria-pressed={on}
      aria-label={t("select_item", { name })}
      data-item={item.id}
      onClick={(e) => {
        e.stopPropagation();
        ctx.toggle(item.id);
      }}
    >
      {on ? "✓" : ""}
    </button>
  );
}

/** One row of a surface: selection in multi-select mode, the menu otherwise. */
function useRow(item: Item, ctx: RowContext) {
  const [open, setOpen] = useState(false);
  const press = usePress(() => ctx.canAct && !ctx.selecting && !isRemovalNotice(item) && setOpen(true));
  const selectable = ctx.selecting && !isRemovalNotice(item);
  return {
    open,
    setOpen,
    rowProps: {
      ...press,
      ...(selectable
        ? { onClick: () => ctx.toggle(item.id), "aria-selected": ctx.selected.has(item.id) }
        : {}),
      className: selectable ? "selectable" : "",
    },
  };
}

function ChatItem({ item, ctx }: { item: Item; ctx: RowContext }) {
  const { t, l, lang } = useI18n();
  const { open, setOpen, rowProps } = useRow(item, ctx);
  const name = l(item.author?.name) || "—";
  if (item.kind === "join" || item.kind === "notice") {
    return (
      <li
        {...rowProps}
        className={`chat-notice ${rowProps.className}`}
        data-kind={item.kind}
        data-item={item.id}
        data-removal={isRemovalNotice(item) ? "true" : undefined}
        data-author={item.author?.id}
      >
        <SelectTick item={item} name={l(item.text)} ctx={ctx} />
        <span>{l(item.text)}</span> <Marks item={item} />
        <ItemMenu item={item} name={l(item.text)} ctx={ctx} open={open} setOpen={setOpen} />
      </li>
    );
  }
  return (
    <li
      {...rowProps}
      className={`chat-msg${item.author?.staff ? " staff" : ""}${item.deleted ? " is-deleted" : ""} ${rowProps.className}`}
      data-kind={item.kind}
      data-item={item.id}
      data-author={item.author?.id}
      data-author-name={name}
      data-card-name={item.card ? l(item.card.name) : undefined}
    >
      <SelectTick item={item} name={`${name}: ${l(item.card?.name) || l(item.text)}`} ctx={ctx} />
      <Avatar id={item.author?.id ?? item.id} name={name} />
      <div className="bubble-wrap">
        <div className="who">
          <span className="name">{name}</span>
          <time className="muted">{formatTime(lang, item.at, ctx.timeZone)}</time>
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
        <ItemMenu item={item} name={name} ctx={ctx} open={open} setOpen={setOpen} />
      </div>
    </li>
  );
}

const ARTICLE_STATUS_KEY = {
  sent: "article_sent",
  published: "article_published",
  scheduled: "article_scheduled",
  draft: "article_draft",
} as const;

/** An article as the 公众号 backend lists it: title, date, 阅读, status, digest; opening it shows the body. */
function ArticleItem({ item, ctx }: { item: Item; ctx: RowContext }) {
  const { t, l, lang } = useI18n();
  const { open: menuOpen, setOpen: setMenuOpen, rowProps } = useRow(item, ctx);
  const [open, setOpen] = useState(false);
  const title = l(item.title) || l(item.text).slice(0, 40);
  return (
    <li
      {...rowProps}
      className={`post article${item.deleted ? " is-deleted" : ""} ${rowProps.className}`}
      data-kind={item.kind}
      data-item={item.id}
    >
      <div className="row">
        <SelectTick item={item} name={title} ctx={ctx} />
        <div className="article-main">
          <h3 className="article-title">{title}</h3>
          <p className="article-meta muted small">
            <time>{formatDateTime(lang, item.at, ctx.timeZone)}</time>
            {item.article && (
              <>
                {" · "}
                <span>{t("article_reads", { count: item.article.reads.toLocaleString(lang) })}</span>
                {" · "}
                <span className={`article-status status-${item.article.status}`}>
                  {t(ARTICLE_STATUS_KEY[item.article.status])}
                </span>
              </>
            )}{" "}
            <Marks item={item} />
          </p>
          <p className="article-digest">{l(item.text)}</p>
        </div>
      </div>
      {item.paragraphs && item.paragraphs.length > 0 && (
        <>
          <button
            type="button"
            className="link"
            aria-expanded={open}
            onClick={(e) => {
              e.stopPropagation();
              setOpen(!open);
            }}
          >
            {open ? t("article_close") : t("article_open")}
          </button>
          {open && (
            <div className="article-body">
              <h4>{title}</h4>
              {item.paragraphs.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are fixed text in order
                <p key={i}>{l(p)}</p>
              ))}
            </div>
          )}
        </>
      )}
      <ItemMenu item={item} name={title} ctx={ctx} open={menuOpen} setOpen={setMenuOpen} />
    </li>
  );
}

function PostItem({ item, ctx }: { item: Item; ctx: RowContext }) {
  const { l, lang } = useI18n();
  const { open, setOpen, rowProps } = useRow(item, ctx);
  const title = l(item.title) || l(item.author?.name) || l(item.text).slice(0, 40);
  return (
    <li
      {...rowProps}
      className={`post${item.deleted ? " is-deleted" : ""} ${rowProps.className}`}
      data-kind={item.kind}
      data-item={item.id}
    >
      <div className="row spread">
        <span className="row">
          <SelectTick item={item} name={title} ctx={ctx} />
          {item.author && <Avatar id={item.author.id} name={l(item.author.name)} />}
          <strong>{title}</strong>
        </span>
        <time className="muted">{formatDateTime(lang, item.at, ctx.timeZone)}</time>
      </div>
      <Marks item={item} />
      <p>{l(item.text)}</p>
      <ItemMenu item={item} name={title} ctx={ctx} open={open} setOpen={setOpen} />
    </li>
  );
}

function OwnBubble({ m, timeZone }: { m: OwnMessage; timeZone?: string | undefined }) {
  const { t, l, lang } = useI18n();
  return (
    <li className="chat-msg own" data-own={m.action}>
      <div className="bubble-wrap">
        <div className="who">
          <span className="name">
            {m.actorName} · {m.action === "post_announcement" ? t("announcement") : l(ACTION[m.action])}
          </span>
          <time className="muted">{formatTime(lang, m.at, timeZone)}</time>
        </div>
        <p className={m.action === "post_announcement" ? "bubble announcement" : "bubble"}>{m.text}</p>
      </div>
      <Avatar id={m.actorName} name={m.actorName || t("you")} />
    </li>
  );
}

type Members = Awaited<ReturnType<typeof fetchMembers>>;

function fetchMembers(teamId: string, drillId: string) {
  return call(api.teams[":teamId"].drills[":drillId"].members.$get({ param: { teamId, drillId } }));
}

/** The group's member list: who is in it now, who joined when, and the removal button. */
function MemberPanel({
  members,
  ctx,
  onClose,
}: {
  members: Members | undefined;
  ctx: RowContext;
  onClose(): void;
}) {
  const { t, l, lang } = useI18n();
  return (
    <aside className="member-panel" aria-labelledby="member-panel-title">
      <header className="row spread">
        <h3 id="member-panel-title" className="h3">
          {t("member_list_count", { count: members?.count ?? "…" })}
        </h3>
        <button type="button" className="link" onClick={onClose}>
          {t("close")}
        </button>
      </header>
      <ul className="members">
        {(members?.items ?? []).map((m) => {
          const name = l(m.name);
          return (
            <li key={m.id} className={m.removed ? "is-removed" : undefined} data-member={m.id}>
              <Avatar id={m.id} name={name} />
              <div className="member-main">
                <span className="name">
                  {name} {m.staff && <span className="badge">{t("member_staff")}</span>}{" "}
                  {m.removed && <span className="mark">{t("removed_member")}</span>}
                </span>
                <small className="muted">
                  {m.joinedAt === null
                    ? t("member_was_there")
                    : t("member_joined", { time: formatTime(lang, m.joinedAt, ctx.timeZone) })}
                </small>
              </div>
              {ctx.canAct && !m.staff && !m.removed && (
                <button
                  type="button"
                  className="danger small-button"
                  aria-label={t("remove_named", { name })}
                  disabled={ctx.pending}
                  onClick={() => ctx.act({ action: "remove_member", targets: [m.id] })}
                >
                  {t("remove_from_group")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}

function SurfaceView({
  surface,
  items,
  own,
  ctx,
  members,
  onBack,
}: {
  surface: Surface;
  items: Item[];
  own: OwnMessage[];
  ctx: RowContext & { setSelecting(on: boolean): void };
  members: Members | undefined;
  onBack(): void;
}) {
  const { t, l, lang } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const [surfaceAction, setSurfaceAction] = useState<ActionKind | null>(null);
  const [showMembers, setShowMembers] = useState(false);
  const chatLike = surface === "group_chat" || surface === "client_dm";
  // Chats stay pinned to the newest message unless the reader scrolled up to read history.
  useEffect(() => {
    const el = list.current;
    if (el && chatLike && stick.current) el.scrollTop = el.scrollHeight;
  });
  // The team's own words sit among the items in time order (chats read oldest first, lists newest first).
  type Row = { own: OwnMessage } | { item: Item };
  const atOf = (r: Row) => ("own" in r ? r.own.at : r.item.at);
  const rows: Row[] = [...items.map((item) => ({ item })), ...own.map((m) => ({ own: m }))].sort(
    (a, b) => atOf(a) - atOf(b),
  );
  const shown = chatLike ? withDays(rows, atOf, ctx.timeZone) : [...rows].reverse().map((row) => ({ row }));
  const client = items.find((i) => i.author && !i.author.staff);
  const now = Date.now();
  return (
    <section className={`surface surface-${surface}`} aria-label={l(SURFACE[surface])}>
      <header className="surface-head">
        <button type="button" className="link back" onClick={onBack}>
          ‹ {t("inbox")}
        </button>
        <strong className="surface-title">
          {surface === "client_dm" && client
            ? t("dm_with", { name: l(client.author?.name) })
            : l(SURFACE[surface])}
          {surface === "group_chat" && members && ` (${members.count})`}
        </strong>
        <span className="row">
          {surface === "group_chat" && (
            <button
              type="button"
              className="small-button"
              aria-expanded={showMembers}
              onClick={() => setShowMembers(!showMembers)}
            >
              {t("member_list")}
            </button>
          )}
          {ctx.canAct && (
            <button
              type="button"
              className="small-button"
              aria-pressed={ctx.selecting}
              onClick={() => ctx.setSelecting(!ctx.selecting)}
            >
              {ctx.selecting ? t("select_done") : t("select_mode")}
            </button>
          )}
        </span>
      </header>
      <div className={showMembers ? "surface-body with-members" : "surface-body"}>
        {rows.length === 0 ? (
          <p className="muted pad">{t("surface_empty")}</p>
        ) : (
          <ol
            ref={list}
            className={`${chatLike ? "chat" : "posts"}${ctx.selecting ? " selecting" : ""}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling feed must be reachable by keyboard to scroll it
            tabIndex={0}
            aria-label={l(SURFACE[surface])}
            onScroll={(e) => {
              const el = e.currentTarget;
              stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
            }}
          >
            {shown.map((entry) => {
              if ("day" in entry)
                return (
                  <li key={`day-${entry.day}`} className="day-separator">
                    <span>{dayLabel(lang, entry.at, now, ctx.timeZone)}</span>
                  </li>
                );
              const row = entry.row;
              if ("own" in row) return <OwnBubble key={row.own.id} m={row.own} timeZone={ctx.timeZone} />;
              const { item } = row;
              if (chatLike) return <ChatItem key={item.id} item={item} ctx={ctx} />;
              if (item.kind === "article") return <ArticleItem key={item.id} item={item} ctx={ctx} />;
              return <PostItem key={item.id} item={item} ctx={ctx} />;
            })}
          </ol>
        )}
        {surface === "group_chat" && showMembers && (
          <MemberPanel members={members} ctx={ctx} onClose={() => setShowMembers(false)} />
        )}
      </div>
      {ctx.canAct && SURFACE_ACTIONS[surface].length > 0 && (
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
              pending={ctx.pending}
              onCancel={() => setSurfaceAction(null)}
              onSubmit={(text) => {
                ctx.act({ action: surfaceAction, text });
                setSurfaceAction(null);
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** The neutral start: every surface the team works on, each with its unread count, nothing chosen. */
function Inbox({
  surfaces,
  unread,
  total,
  open,
}: {
  surfaces: Surface[];
  unread(s: Surface): number;
  total(s: Surface): number;
  open(s: Surface): void;
}) {
  const { t, l } = useI18n();
  return (
    <section className="inbox card" aria-labelledby="inbox-title">
      <h2 id="inbox-title" className="h3">
        {t("inbox")}
      </h2>
      <p className="hint">{t("inbox_lead")}</p>
      <ul className="inbox-list">
        {surfaces.map((s) => {
          const n = unread(s);
          return (
            <li key={s}>
              <button
                type="button"
                className="inbox-row"
                data-surface={s}
                aria-label={`${t("inbox_open", { surface: l(SURFACE[s]) })}${n > 0 ? ` · ${t("unread", { count: n })}` : ""}`}
                onClick={() => open(s)}
              >
                <span className="inbox-name">{l(SURFACE[s])}</span>
                <span className="muted small">{t("items_total", { count: total(s) })}</span>
                {n > 0 ? (
                  <span className="count" aria-hidden="true">
                    {n > 99 ? "99+" : n}
                  </span>
                ) : (
                  <span className="muted small">{t("all_read")}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
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
  const team = teams.find((x) => x.id === teamId);
  const role = team?.role;
  const canAct = role === "manager" || role === "responder";
  const drill = useQuery({
    queryKey: ["drill", teamId, drillId],
    refetchInterval: POLL_MS,
    queryFn: () => call(api.teams[":teamId"].drills[":drillId"].$get({ param: { teamId, drillId } })),
  });
  const live = drill.data ? ["injected", "detected"].includes(drill.data.status) : false;
  const watching = Boolean(drill.data?.injectedAt) && canAct;
  const feed = useQuery({
    queryKey: ["feed", teamId, drillId],
    enabled: watching,
    refetchInterval: live ? POLL_MS : false,
    queryFn: () => fetchFeed(teamId, drillId),
  });
  const members = useQuery({
    queryKey: ["group-members", teamId, drillId],
    enabled: watching,
    refetchInterval: live ? POLL_MS : false,
    queryFn: () => fetchMembers(teamId, drillId),
  });
  const timeline = useQuery({
    queryKey: ["timeline", teamId, drillId],
    enabled: watching,
    refetchInterval: live ? POLL_MS : false,
    queryFn: () =>
      call(api.teams[":teamId"].drills[":drillId"].timeline.$get({ param: { teamId, drillId } })),
  });
  // Nothing is chosen at first: the inbox does not point anywhere.
  const [surface, setSurface] = useState<Surface | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [seen, setSeen] = useState<Map<Surface, Set<string>>>(new Map());
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4_000);
    return () => clearTimeout(timer);
  }, [notice]);
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
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["feed", teamId, drillId] }),
        queryClient.invalidateQueries({ queryKey: ["group-members", teamId, drillId] }),
        queryClient.invalidateQueries({ queryKey: ["timeline", teamId, drillId] }),
      ]);
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
  const own = useMemo(() => {
    const surfaceOf = new Map(items.map((i) => [i.id, i.surface]));
    return ownMessages(timeline.data?.items ?? [], (id) => surfaceOf.get(id));
  }, [items, timeline.data]);
  // What is on screen counts as read; every other surface keeps its unread badge.
  useEffect(() => {
    if (!surface) return;
    const ids = (bySurface.get(surface) ?? []).map((i) => i.id);
    const before = seen.get(surface);
    if (before && ids.every((id) => before.has(id))) return;
    setSeen((m) => new Map(m).set(surface, new Set([...(m.get(surface) ?? []), ...ids])));
  }, [surface, bySurface, seen]);

  if (drill.isLoading) return <Loading />;
  if (drill.error) {
    const status = errorStatus(drill.error);
    if (status === 404 || status === 403) return <Refused />;
    return <ErrorNote error={drill.error} />;
  }
  const d = drill.data;
  if (!d) return null;
  const unread = (s: Surface) => (s === surface ? 0 : unreadCount(seen.get(s), bySurface.get(s) ?? []));
  const selectedItems = items.filter((i) => selected.has(i.id));
  const selectedAuthors = [
    ...new Set(
      selectedItems.flatMap((i) => (i.author && !i.author.staff && !i.author.removed ? [i.author.id] : [])),
    ),
  ];
  const deleteAction = surface ? ITEM_ACTIONS[surface].find((a) => a.startsWith("delete")) : undefined;
  const deletable = selectedItems.filter((i) => !i.deleted && i.kind !== "join" && i.kind !== "notice");
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };
  const ctx = {
    act: (a: Act) => act.mutate(a),
    pending: act.isPending,
    canAct: live && canAct,
    selecting,
    selected,
    toggle,
    startSelecting: (id: string) => {
      setSelecting(true);
      setSelected(new Set([id]));
    },
    setSelecting: (on: boolean) => (on ? setSelecting(true) : stopSelecting()),
    timeZone: team?.timezone,
  };
  const open = (s: Surface | null) => {
    stopSelecting();
    setSurface(s);
  };
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
          <div className="workspace">
            <nav className="tabs" aria-label={t("surfaces")}>
              <button
                type="button"
                aria-current={surface === null ? "page" : undefined}
                onClick={() => open(null)}
              >
                {t("inbox")}
              </button>
              {surfaces.map((s) => {
                const n = unread(s);
                return (
                  <button
                    key={s}
                    type="button"
                    data-tab={s}
                    aria-current={surface === s ? "page" : undefined}
                    onClick={() => open(s)}
                  >
                    {l(SURFACE[s])}
                    {n > 0 && (
                      <>
                        <span className="count" aria-hidden="true">
                          {n > 99 ? "99+" : n}
                        </span>
                        <span className="sr-only">{t("unread", { count: n })}</span>
                      </>
                    )}
                  </button>
                );
              })}
              <span className="muted small">{t("polling_note")}</span>
            </nav>
            {surface === null ? (
              <Inbox
                surfaces={surfaces}
                unread={unread}
                total={(s) => bySurface.get(s)?.length ?? 0}
                open={open}
              />
            ) : (
              <SurfaceView
                key={surface}
                surface={surface}
                items={bySurface.get(surface) ?? []}
                own={own.get(surface) ?? []}
                ctx={ctx}
                members={members.data}
                onBack={() => open(null)}
              />
            )}
            {surface !== null && live && canAct && (
              <p className="muted small pad-x">{t("long_press_hint")}</p>
            )}
          </div>
          {live && selecting && (
            <section className="selection-bar" aria-label={t("selected_count", { count: selected.size })}>
              <span>{t("selected_count", { count: selected.size })}</span>
              <button
                type="button"
                disabled={selected.size === 0 || act.isPending}
                onClick={() => {
                  act.mutate({ action: "flag", targets: [...selected] });
                  stopSelecting();
                }}
              >
                {t("flag_incident")}
              </button>
              {selectedAuthors.length > 0 && (
                <button
                  type="button"
                  className="danger"
                  disabled={act.isPending}
                  onClick={() => {
                    act.mutate({ action: "remove_member", targets: selectedAuthors });
                    stopSelecting();
                  }}
                >
                  {l(ACTION.remove_member)} ({selectedAuthors.length})
                </button>
              )}
              {deleteAction && deletable.length > 0 && (
                <button
                  type="button"
                  className="danger"
                  disabled={act.isPending}
                  onClick={() => {
                    act.mutate({ action: deleteAction, targets: deletable.map((i) => i.id) });
                    stopSelecting();
                  }}
                >
                  {t("delete_selected", { count: deletable.length })}
                </button>
              )}
              <button type="button" className="link" onClick={stopSelecting}>
                {t("cancel")}
              </button>
            </section>
          )}
          {live && (
            <div className="grid2">
              <TeamActions act={ctx.act} pending={act.isPending} />
              <Resolve teamId={teamId} drillId={drillId} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
