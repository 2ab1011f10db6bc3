// Unread-count bell in the header; polls the count every minute and on navigation.
import { useEffect, useState } from 'react';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { notificationsApi } from '../api/notifications';

export const UNREAD_EVENT = 'techmatch:unread-changed';

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [count, setCount] = useState(0);

  useEffect(() => {
    let live = true;
    const load = () => notificationsApi.unreadCount().then((n) => live && setCount(n)).catch(() => undefined);
    void load();
    const timer = window.setInterval(load, 60000);
    window.addEventListener(UNREAD_EVENT, load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(UNREAD_EVENT, load);
    };
  }, [location.pathname]);

  return (
    <Badge count={count} size="small" overflowCount={99}>
      <Button
        icon={<BellOutlined />}
        data-testid="notification-bell"
        aria-label={`${t('nav.notifications')}${count ? ` (${t('notifications.unreadCount', { count })})` : ''}`}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
