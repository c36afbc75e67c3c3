import { type ReactNode, useEffect, useId, useRef } from "react";
import { Link } from "wouter";
import { errorKey, type FieldProblem, fieldProblems } from "./api.js";
import { elapsedMs, useNow } from "./clock.js";
import { formatClock } from "./i18n.js";
import { useI18n } from "./i18n-react.js";

/** A field problem in the reader's language: the API sends Chinese along for the rules people meet most. */
const inLang = (p: FieldProblem, lang: string) => (lang === "zh" && p.zh ? p.zh : p.message);

export function ErrorNote({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const { key, message } = errorKey(error);
  const problems = fieldProblems(error);
  return (
    <div className="error" role="alert">
      <p>{t(key, { message })}</p>
      {problems.length > 0 && (
        <>
          <p>{t("field_errors")}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <code>{p.path || "—"}</code>
                {p.line ? ` (${t("line", { line: p.line })})` : ""}: {inLang(p, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The API's message for one field, shown under it. */
export function fieldError(error: unknown, path: string, lang = "en"): string | undefined {
  const problem = fieldProblems(error).find((p) => p.path === path || p.path.startsWith(`${path}.`));
  return problem ? inLang(problem, lang) : undefined;
}

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(described ? { "aria-describedby": described } : {}),
        ...(error ? { "aria-invalid": true } : {}),
      })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" aria-live="polite">
      {t("loading")}
    </p>
  );
}

/** Elapsed time since `start`, ticking each second until `end`. */
export function Clock({ start, end, label }: { start: number; end?: number | undefined; label?: string }) {
  const now = useNow(1000, end === undefined);
  const text = formatClock(elapsedMs(start, now, end));
  return (
    <span className="clock" role="timer" aria-label={label ? `${label} ${text}` : text}>
      {text}
    </span>
  );
}

/** A modal confirmation on the native <dialog>: focus is trapped and Escape cancels. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onCancel} className="dialog">
      <h2 id={titleId}>{title}</h2>
      <p>{body}</p>
      {children}
      <div className="row">
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="button" className={danger ? "danger" : "primary"} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** Initials for an avatar: the first character of a Chinese name, two initials of a Latin one. */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "?";
  // Chat apps show a Chinese name's first character, a Latin name's initials.
  if (/^[\u3400-\u9fff]/.test(trimmed)) return trimmed.slice(0, 1);
  const words = trimmed.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

/** A stable hue per person, so the same member keeps the same avatar colour. */
export function hueOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return h;
}

export function Avatar({ id, name }: { id: string; name: string }) {
  return (
    <span className="avatar" aria-hidden="true" style={{ background: `hsl(${hueOf(id)} 45% 32%)` }}>
      {initials(name)}
    </span>
  );
}

/** What another team's drill looks like: the API answers 404, and nothing of it is shown. */
export function Refused() {
  const { t } = useI18n();
  return (
    <section role="alert">
      <h1>{t("refused_title")}</h1>
      <p>{t("refused_body")}</p>
      <Link href="/">{t("go_home")}</Link>
    </section>
  );
}
