import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { en } from "./en.js";
import { zhCN } from "./zh-CN.js";

export type Locale = "zh-CN" | "en";
export type MessageKey = keyof typeof zhCN;
const dictionaries: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };
const STORAGE_KEY = "luoshi.locale";

export function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    const t: Translate = (key, params) => {
      const text = dict[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
    };
    return { locale, setLocale, t };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}

export const useT = () => useI18n().t;
