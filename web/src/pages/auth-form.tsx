import { type FormEvent, type ReactNode, useState } from "react";
import { LanguageSwitch } from "../App.js";
import { useI18n } from "../i18n-react.js";
import { ErrorNote, Field, fieldError } from "../ui.js";

export interface AuthField {
  name: "email" | "name" | "password";
  autoComplete: string;
}

/** The signed-out pages share one card: title, lead, fields, one button. */
export function AuthCard({
  title,
  lead,
  fields,
  submitLabel,
  onSubmit,
  error,
  pending,
  notice,
}: {
  title: string;
  lead: string;
  fields: AuthField[];
  submitLabel: string;
  onSubmit(values: Record<AuthField["name"], string>): void;
  error: unknown;
  pending: boolean;
  notice?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState({ email: "", name: "", password: "" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  const labels = { email: t("email"), name: t("name"), password: t("password") };
  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <div className="row spread">
          <span className="brand">
            <span aria-hidden="true" className="logo">
              演
            </span>
            {t("app_name")}
          </span>
          <LanguageSwitch />
        </div>
        <h1>{title}</h1>
        <p className="muted">{lead}</p>
        {notice}
        <form onSubmit={submit}>
          {fields.map((f) => (
            <Field
              key={f.name}
              label={labels[f.name]}
              hint={
                f.name === "password" && f.autoComplete === "new-password" ? t("password_hint") : undefined
              }
              error={fieldError(error, f.name, lang)}
            >
              {(props) => (
                <input
                  {...props}
                  name={f.name}
                  type={f.name === "password" ? "password" : f.name === "email" ? "email" : "text"}
                  autoComplete={f.autoComplete}
                  required
                  minLength={f.name === "password" && f.autoComplete === "new-password" ? 10 : undefined}
                  value={values[f.name]}
                  onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                />
              )}
            </Field>
          ))}
          <ErrorNote error={error} />
          <button type="submit" className="primary wide" disabled={pending}>
            {submitLabel}
          </button>
        </form>
      </div>
    </main>
  );
}

/** The token after `#token=` (setup) or the whole fragment (invite links put the token right after #). */
export function tokenFromHash(hash: string, key?: string): string | undefined {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!raw) return undefined;
  if (!key) return raw.includes("=") ? (new URLSearchParams(raw).get("token") ?? undefined) : raw;
  return new URLSearchParams(raw).get(key) ?? undefined;
}
