import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { api, call, errorStatus } from "../api.js";
import { useI18n } from "../i18n-react.js";
import { AuthCard, tokenFromHash } from "./auth-form.js";

export default function Invite() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const token = tokenFromHash(location.hash);
  const accept = useMutation({
    mutationFn: (v: { password: string }) =>
      call(api.auth["accept-invite"].$post({ json: { token: token ?? "", password: v.password } })),
    onSuccess: async () => {
      history.replaceState(null, "", "/invite");
      await queryClient.invalidateQueries();
      navigate("/");
    },
  });
  const bad = accept.error && errorStatus(accept.error) === 401;
  return (
    <AuthCard
      title={t("invite_title")}
      lead={t("invite_lead")}
      fields={[{ name: "password", autoComplete: "new-password" }]}
      submitLabel={t("invite_submit")}
      onSubmit={(v) => accept.mutate({ password: v.password })}
      error={bad ? null : accept.error}
      pending={accept.isPending || !token}
      notice={
        !token || bad ? (
          <p className="error" role="alert">
            {!token ? t("invite_no_token") : t("invite_bad")}
          </p>
        ) : undefined
      }
    />
  );
}
