// i18next set-up: zh-CN first, en second; the chosen language is remembered in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';
import en from './en';
import { adminText } from './admin';
import { engageAgentText } from './engageAgent';
import { notificationSettingsText } from './notificationSettings';
import { savedSearchesText } from './savedSearches';

export type AppLocale = 'zh-CN' | 'en';
export const LOCALES: AppLocale[] = ['zh-CN', 'en'];
const KEY = 'techmatch.locale';

export function storedLocale(): AppLocale {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, savedSearches: savedSearchesText['zh-CN'], notificationSettings: notificationSettingsText['zh-CN'], admin: adminText['zh-CN'], engageAgent: engageAgentText['zh-CN'] } },
    en: { translation: { ...en, savedSearches: savedSearchesText.en, notificationSettings: notificationSettingsText.en, admin: adminText.en, engageAgent: engageAgentText.en } },
  },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
