import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { errorStatus } from "./api.js";
import { I18nProvider } from "./i18n-react.js";
import { TeamProvider } from "./session.js";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip or a 503 might.
      retry: (count, error) => {
        const status = errorStatus(error);
        return count < 2 && (status === undefined || status >= 500);
      },
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <TeamProvider>
            <App />
          </TeamProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
