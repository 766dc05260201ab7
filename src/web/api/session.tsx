import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { SessionOut } from "../../schemas/auth.js";
import { type Locale, useI18n } from "../i18n/index.js";
import { ApiError, api, setApiLanguage, setCsrfToken, setUnauthorizedHandler } from "./client.js";

interface SessionState {
  session: SessionOut | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  switchLocale(locale: Locale): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<SessionOut | null>(null);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback(
    (s: SessionOut | null) => {
      setSession(s);
      setCsrfToken(s?.csrfToken ?? "");
      // The language a person chose is remembered on the server and wins at sign-in.
      if (s) setLocale(s.user.locale);
    },
    [setLocale],
  );

  const refresh = useCallback(async () => {
    try {
      adopt(await api.get<SessionOut>("/api/auth/session"));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      adopt(null);
    } finally {
      setLoading(false);
    }
  }, [adopt]);

  useEffect(() => {
    setApiLanguage(locale);
  }, [locale]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.clear();
      adopt(null);
    });
    refresh().catch(() => setLoading(false));
  }, [refresh, adopt, queryClient]);

  const value: SessionState = {
    session,
    loading,
    refresh,
    async signIn(username, password) {
      adopt(await api.post<SessionOut>("/api/auth/login", { username, password }));
    },
    async signOut() {
      await api.post("/api/auth/logout", {}).catch(() => {});
      queryClient.clear();
      adopt(null);
    },
    async switchLocale(next) {
      setLocale(next);
      setApiLanguage(next);
      if (session) {
        await api.put("/api/auth/locale", { locale: next });
        setSession({ ...session, user: { ...session.user, locale: next } });
      }
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession outside SessionProvider");
  return ctx;
}

export function useAbility(name: string): boolean {
  return useSession().session?.abilities[name] === true;
}
