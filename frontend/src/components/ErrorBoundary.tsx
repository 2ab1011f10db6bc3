// Catches a screen's render error so the rest of the app (header, navigation) keeps working.
import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

function Fallback() {
  const { t } = useTranslation();
  return (
    <Result status="error" title={t('common.crashed')} subTitle={t('common.crashedHint')}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('common.retry')}</Button>} />
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
