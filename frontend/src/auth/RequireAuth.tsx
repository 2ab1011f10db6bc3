import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { isStaff, useAuth } from './AuthProvider';

/** Renders children for a signed-in user (a reviewer when `staff`), else sends them to sign in. */
export function RequireAuth({ children, staff = false }: { children: ReactNode; staff?: boolean }) {
  const { me, ready } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!ready) return <Spin style={{ display: 'block', margin: 48 }} aria-label={t('common.loading')} />;
  if (!me) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (staff && !isStaff(me)) return <Result status="403" title={t('review.staffOnly')} />;
  return <>{children}</>;
}
