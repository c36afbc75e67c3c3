import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { api, call, errorStatus } from "../api.js";
import { useI18n } from "../i18n-react.js";
import { AuthCard, tokenFromHash } from "./auth-form.js";

export default function Setup() {
  const { t, lang } = useI18n();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const token = tokenFromHash(location.hash, "token");
  const status = useQuery({ queryKey: ["setup"], queryFn: () => call(api.setup.$get()) });
  const setup = useMutation({
    mutationFn: (v: { email: string; name: string; password: string }) =>
      call(api.setup.$post({ json: { token: token ?? "", ...v, lang } })),
    onSuccess: async () => {
      // The token has done its job; keep it out of the history.
      history.replaceState(null, "", "/setup");
      await queryClient.invalidateQueries();
      navigate("/teams");
    },
  });
  const notice =
    status.data && !status.data.needed ? (
      <p className="notice" role="status">
        {t("setup_done")} <Link href="/signin">{t("signin_submit")}</Link>
      </p>
    ) : !token ? (
      <p className="error" role="alert">
        {t("setup_no_token")}
      </p>
    ) : setup.error && errorStatus(setup.error) === 401 ? (
      <p className="error" role="alert">
        {t("setup_bad_token")}
      </p>
    ) : undefined;
  return (
    <AuthCard
      title={t("setup_title")}
      lead={t("setup_lead")}
      fields={[
        { name: "name", autoComplete: "name" },
        { name: "email", autoComplete: "username" },
        { name: "password", autoComplete: "new-password" },
      ]}
      submitLabel={t("setup_submit")}
      onSubmit={(v) => setup.mutate(v)}
      error={setup.error && errorStatus(setup.error) === 401 ? null : setup.error}
      pending={setup.isPending || !token}
      notice={notice}
    />
  );
}
