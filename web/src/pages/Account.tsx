import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, call } from "../api.js";
import { useI18n } from "../i18n-react.js";
import { ErrorNote, Field, fieldError } from "../ui.js";

/** Your own password. Changing it signs every other device out; this browser stays signed in. */
export default function Account() {
  const { t, lang } = useI18n();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () => call(api.auth.password.$post({ json: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent("");
      setNew("");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <form onSubmit={submit} className="card">
      <h1>{t("account_title")}</h1>
      <p className="muted">{t("account_lead")}</p>
      <Field label={t("current_password")} error={fieldError(change.error, "currentPassword", lang)}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("new_password")}
        hint={t("password_hint")}
        error={fieldError(change.error, "newPassword", lang)}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
        )}
      </Field>
      <ErrorNote error={change.error} />
      {change.isSuccess && (
        <p className="ok" role="status">
          {t("password_changed")}
        </p>
      )}
      <button type="submit" className="primary" disabled={change.isPending}>
        {t("change_password")}
      </button>
    </form>
  );
}
