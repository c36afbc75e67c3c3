import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { api, call, errorStatus } from "../api.js";
import { useI18n } from "../i18n-react.js";
import { AuthCard, tokenFromHash } from "./auth-form.js";

/** The page a manager's reset link opens: the token rides in the fragment, so no server log sees it. */
export default function Reset() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const token = tokenFromHash(location.hash);
  const reset = useMutation({
    mutationFn: (v: { password: string }) =>
      call(api.auth["reset-password"].$post({ json: { token: token ?? "", password: v.password } })),
    onSuccess: async () => {
      history.replaceState(null, "", "/reset");
      await queryClient.invalidateQueries();
      navigate("/");
    },
  });
  const bad = reset.error && errorStatus(reset.error) === 401;
  return (
    <AuthCard
      title={t("reset_title")}
      lead={t("reset_lead")}
      fields={[{ name: "password", autoComplete: "new-password" }]}
      submitLabel={t("reset_submit")}
      onSubmit={(v) => reset.mutate({ password: v.password })}
      error={bad ? null : reset.error}
      pending={reset.isPending || !token}
      notice={
        !token || bad ? (
          <p className="error" role="alert">
            {!token ? t("reset_no_token") : t("reset_bad")}
          </p>
        ) : undefined
      }
    />
  );
}
