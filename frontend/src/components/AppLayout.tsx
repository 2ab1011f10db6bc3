// The frame of every screen: header with navigation, language switch and account menu; phone-width drawer.
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Layout, Menu, Button, Dropdown, Drawer, Grid, Space, App } from 'antd';
import { MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isStaff, useAuth } from '../auth/AuthProvider';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

export function AppLayout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const narrow = !screens.md;

  const items = [
    { key: '/outputs', label: <Link to="/outputs">{t('nav.outputs')}</Link> },
    { key: '/needs', label: <Link to="/needs">{t('nav.needs')}</Link> },
    ...(me && !isStaff(me)
      ? [
          { key: '/mine', label: <Link to="/mine">{t('nav.mine')}</Link> },
          { key: '/interests', label: <Link to="/interests">{t('nav.interests')}</Link> },
        ]
      : []),
    ...(me ? [{ key: '/deals', label: <Link to="/deals">{t('nav.deals')}</Link> }] : []),
    ...(me && (me.role === 'agent' || isStaff(me)) ? [{ key: '/suggestions', label: <Link to="/suggestions">{t('nav.suggestions')}</Link> }] : []),
    ...(isStaff(me)
      ? [
          { key: '/review/organisations', label: <Link to="/review/organisations">{t('nav.reviewOrgs')}</Link> },
          { key: '/review/listings', label: <Link to="/review/listings">{t('nav.review')}</Link> },
          { key: '/review/applications', label: <Link to="/review/applications">{t('nav.applications')}</Link> },
          { key: '/stats', label: <Link to="/stats">{t('nav.stats')}</Link> },
        ]
      : []),
    ...(me?.role === 'platform_admin'
      ? [{ key: '/admin/failed-tasks', label: <Link to="/admin/failed-tasks">{t('admin.nav')}</Link> }]
      : []),
  ];
  const selected = items.map((i) => i.key).filter((k) => location.pathname.startsWith(k));

  const doSignOut = async () => {
    await signOut();
    void message.success(t('auth.signedOut'));
    navigate('/');
  };

  const account = me ? (
    <Space size="small">
      <NotificationBell />
      <Dropdown
        menu={{
          items: [
            { key: 'profile', label: t('nav.profile'), onClick: () => navigate('/profile') },
            { key: 'signout', label: t('nav.signOut'), onClick: () => void doSignOut() },
          ],
        }}
      >
        <Button icon={<UserOutlined />} data-testid="account-menu">
          {narrow ? null : me.full_name}
        </Button>
      </Dropdown>
    </Space>
  ) : (
    <Space size="small">
      <Button type="link" onClick={() => navigate('/signin')}>{t('nav.signIn')}</Button>
      {!narrow && <Button type="primary" onClick={() => navigate('/signup')}>{t('nav.signUp')}</Button>}
    </Space>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">{t('app.skip')}</a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-logo" aria-label={t('nav.home')}>
          techmatch<span className="app-logo-sub">{narrow ? '' : t('app.tagline')}</span>
        </Link>
        {narrow ? (
          <Button icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawer(true)} />
        ) : (
          <Menu mode="horizontal" selectedKeys={selected} items={items} style={{ flex: 1, minWidth: 0, borderBottom: 0 }} />
        )}
        <Space size="middle" style={{ marginLeft: 'auto' }}>
          <LanguageSwitch />
          {account}
        </Space>
      </Layout.Header>
      <Drawer open={drawer} onClose={() => setDrawer(false)} title={t('nav.menu')} placement="left" width={260}>
        <Menu mode="vertical" selectedKeys={selected} items={items} onClick={() => setDrawer(false)} />
      </Drawer>
      <Layout.Content id="main" tabIndex={-1} className="app-main">
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
