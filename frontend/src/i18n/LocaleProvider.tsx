// Holds the interface language and gives Ant Design and dayjs the matching locale.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCNAntd from 'antd/es/locale/zh_CN';
import enAntd from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n, { rememberLocale, storedLocale, type AppLocale } from './index';

interface LocaleCtx {
  locale: AppLocale;
  setLocale: (locale: AppLocale) => void;
}

const Ctx = createContext<LocaleCtx>({ locale: 'zh-CN', setLocale: () => undefined });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(storedLocale());

  const setLocale = useCallback((next: AppLocale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    void i18n.changeLanguage(locale);
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <Ctx.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enAntd} theme={{ token: { colorPrimary: '#0b6bcb', borderRadius: 6 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </Ctx.Provider>
  );
}

export function useLocale(): LocaleCtx {
  return useContext(Ctx);
}
