// Notifications centre: the inbox, saved searches, notification settings and (for organisation admins) webhooks.
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { NotificationInbox } from '../components/NotificationInbox';
import { NotificationPreferencesCard } from '../components/NotificationPreferencesCard';
import { SavedSearchesPanel } from '../components/SavedSearchesPanel';
import { WebhooksCard } from '../components/WebhooksCard';

export function NotificationsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const orgAdmin = me?.role === 'org_admin' || me?.role === 'platform_admin';
  const items = [
    { key: 'inbox', label: t('notificationSettings.tabs.inbox'), children: <NotificationInbox /> },
    { key: 'searches', label: t('notificationSettings.tabs.searches'), children: <SavedSearchesPanel /> },
    { key: 'settings', label: t('notificationSettings.tabs.settings'), children: <NotificationPreferencesCard /> },
    ...(orgAdmin ? [{ key: 'webhooks', label: t('notificationSettings.tabs.webhooks'), children: <WebhooksCard /> }] : []),
  ];
  const tab = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : 'inbox';

  return (
    <div className="page medium">
      <Typography.Title level={2}>{t('notifications.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'inbox' ? {} : { tab: key })} items={items} destroyOnHidden />
    </div>
  );
}
