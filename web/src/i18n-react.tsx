import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { detectLang, LANG_KEY, type Lang, type MessageKey, translate } from "./i18n.js";

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Picks the text in the current language from a { zh, en } pair the API returns. */
  l(text: { zh: string; en: string } | undefined): string;
}

const Context = createContext<I18n | null>(null);

function initialLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    // Storage can be off (private mode): the browser's preference still applies.
  }
  return detectLang(stored, typeof navigator === "undefined" ? [] : navigator.languages);
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      l: (text) => (text ? text[lang] : ""),
    }),
    [lang, setLang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
