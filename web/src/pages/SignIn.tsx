import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { api, call, errorStatus } from "../api.js";
import { useI18n } from "../i18n-react.js";
import { AuthCard } from "./auth-form.js";

export default function SignIn() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: (v: { email: string; password: string }) => call(api.auth.login.$post({ json: v })),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      navigate("/");
    },
  });
  return (
    <AuthCard
      title={t("signin_title")}
      lead={t("signin_lead")}
      fields={[
        { name: "email", autoComplete: "username" },
        { name: "password", autoComplete: "current-password" },
      ]}
      submitLabel={t("signin_submit")}
      onSubmit={(v) => login.mutate({ email: v.email, password: v.password })}
      error={login.error && errorStatus(login.error) === 401 ? null : login.error}
      pending={login.isPending}
      notice={
        login.error && errorStatus(login.error) === 401 ? (
          <p className="error" role="alert">
            {t("signin_failed")}
          </p>
        ) : undefined
      }
    />
  );
}
