import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { api, call } from "./api.js";

const TEAM_KEY = "yanlian.team";

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: () => call(api.auth.me.$get()),
    retry: false,
    staleTime: 60_000,
  });
}

export type Me = NonNullable<ReturnType<typeof useMe>["data"]>;

export function useTeams() {
  return useQuery({ queryKey: ["teams"], queryFn: () => call(api.teams.$get()) });
}

export type TeamView = NonNullable<ReturnType<typeof useTeams>["data"]>["items"][number];

interface TeamChoice {
  teamId: string | undefined;
  setTeamId(id: string): void;
}

const Context = createContext<TeamChoice | null>(null);

/** The team the pages work on, remembered across visits. */
export function TeamProvider({ children }: { children: ReactNode }) {
  const [teamId, setState] = useState<string | undefined>(() => {
    try {
      return localStorage.getItem(TEAM_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  });
  const setTeamId = useCallback((id: string) => {
    setState(id);
    try {
      localStorage.setItem(TEAM_KEY, id);
    } catch {
      // Only this visit remembers it.
    }
  }, []);
  const value = useMemo(() => ({ teamId, setTeamId }), [teamId, setTeamId]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The chosen team among the caller's teams (the first one when none was chosen or it is gone). */
export function useCurrentTeam(): {
  team: TeamView | undefined;
  teams: TeamView[];
  loading: boolean;
  setTeamId(id: string): void;
} {
  const choice = useContext(Context);
  if (!choice) throw new Error("useCurrentTeam outside TeamProvider");
  const teams = useTeams();
  const items = teams.data?.items ?? [];
  const team = items.find((t) => t.id === choice.teamId) ?? items[0];
  return { team, teams: items, loading: teams.isLoading, setTeamId: choice.setTeamId };
}
