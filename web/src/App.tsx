import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { api, call, errorStatus } from "./api.js";
import { LANGS, type Lang } from "./i18n.js";
import { useI18n } from "./i18n-react.js";
import { useCurrentTeam, useMe } from "./session.js";
import { ErrorNote, Loading } from "./ui.js";

// Every page is its own chunk: the first load carries the shell and the sign-in form only.
const SignIn = lazy(() => import("./pages/SignIn.js"));
const Setup = lazy(() => import("./pages/Setup.js"));
const Invite = lazy(() => import("./pages/Invite.js"));
const Reset = lazy(() => import("./pages/Reset.js"));
const Account = lazy(() => import("./pages/Account.js"));
const Overview = lazy(() => import("./pages/Overview.js"));
const Teams = lazy(() => import("./pages/Teams.js"));
const Programs = lazy(() => import("./pages/Programs.js"));
const Scenarios = lazy(() => import("./pages/Scenarios.js"));
const ScenarioDetail = lazy(() => import("./pages/ScenarioDetail.js"));
const ScenarioEditor = lazy(() => import("./pages/ScenarioEditor.js"));
const WarRoom = lazy(() => import("./pages/WarRoom.js"));
const Report = lazy(() => import("./pages/Report.js"));
const Scorecards = lazy(() => import("./pages/Scorecards.js"));

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="sr-only">{t("language")}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t("language")}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {l === "zh" ? "中文" : "English"}
          </option>
        ))}
      </select>
    </label>
  );
}

function TeamSwitch() {
  const { t } = useI18n();
  const { team, teams, setTeamId } = useCurrentTeam();
  if (teams.length < 2) return team ? <span className="team-name">{team.name}</span> : null;
  return (
    <label className="team-switch">
      <span className="sr-only">{t("team")}</span>
      <select value={team?.id} onChange={(e) => setTeamId(e.target.value)} aria-label={t("team")}>
        {teams.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const queryClient = useQueryClient();
  const links: [string, Parameters<typeof t>[0]][] = [
    ["/", "nav_overview"],
    ["/teams", "nav_teams"],
    ["/programs", "nav_programs"],
    ["/scenarios", "nav_scenarios"],
    ["/scorecards", "nav_scorecards"],
  ];
  const signOut = async () => {
    await call(api.auth.logout.$post()).catch(() => undefined);
    queryClient.clear();
    navigate("/signin");
  };
  return (
    <>
      <a className="skip" href="#main">
        {t("skip_to_content")}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          <span aria-hidden="true" className="logo">
            演
          </span>
          {t("app_name")}
        </Link>
        <TeamSwitch />
        <div className="top-tools">
          <LanguageSwitch />
          <Link href="/account" className="link">
            {t("account_title")}
          </Link>
          <button type="button" className="link" onClick={signOut} title={t("sign_out_everywhere")}>
            {t("sign_out")}
          </button>
        </div>
        <nav aria-label={t("nav_main")} className="nav">
          {links.map(([href, key]) => {
            // A drill's pages live under /teams/… but belong to no tab.
            const current =
              href === "/"
                ? location === "/"
                : href === "/teams"
                  ? location === "/teams"
                  : location.startsWith(href);
            return (
              <Link key={href} href={href} aria-current={current ? "page" : undefined}>
                {t(key)}
              </Link>
            );
          })}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function SignedIn() {
  const me = useMe();
  const { t } = useI18n();
  if (me.isLoading) return <Loading />;
  if (me.error) {
    if (errorStatus(me.error) === 401) return <Redirect to="/signin" />;
    return <ErrorNote error={me.error} />;
  }
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={Overview} />
          <Route path="/teams" component={Teams} />
          <Route path="/programs" component={Programs} />
          <Route path="/scenarios" component={Scenarios} />
          <Route path="/scenarios/new" component={ScenarioEditor} />
          <Route path="/scenarios/:scenarioId/edit" component={ScenarioEditor} />
          <Route path="/scenarios/:scenarioId" component={ScenarioDetail} />
          <Route path="/teams/:teamId/drills/:drillId/report" component={Report} />
          <Route path="/teams/:teamId/drills/:drillId" component={WarRoom} />
          <Route path="/scorecards" component={Scorecards} />
          <Route path="/account" component={Account} />
          <Route>
            <h1>{t("not_found_title")}</h1>
            <Link href="/">{t("go_home")}</Link>
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/signin" component={SignIn} />
        <Route path="/setup" component={Setup} />
        <Route path="/invite" component={Invite} />
        <Route path="/reset" component={Reset} />
        <Route>
          <SignedIn />
        </Route>
      </Switch>
    </Suspense>
  );
}
