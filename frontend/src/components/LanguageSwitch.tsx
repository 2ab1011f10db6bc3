// Switches the interface language; remembered on the account when signed in, in the browser otherwise.
import { Segmented, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { useLocale } from '../i18n/LocaleProvider';
import type { AppLocale } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const { me, setMe } = useAuth();
  const { message } = App.useApp();

  const change = async (next: AppLocale) => {
    setLocale(next);
    if (me && me.locale !== next) {
      const result = await api.PATCH('/api/me', { body: { locale: next } }).catch(() => undefined);
      if (result?.data) setMe(result.data);
      else void message.error(t('common.networkError'));
    }
  };

  return (
    <Segmented
      size="small"
      aria-label={t('lang.label')}
      data-testid="language-switch"
      value={locale}
      onChange={(v) => void change(v as AppLocale)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
