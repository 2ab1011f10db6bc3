// On a listing page, a reviewer decides on a listing waiting for review.
import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindApi } from '../api/listings';
import { toApiError } from '../api/errors';
import type { ListingKind } from '../api/types';
import { isStaff, useAuth } from '../auth/AuthProvider';
import { errorText } from '../lib/errorText';
import { DecisionButtons } from './DecisionButtons';

export function ReviewBar({ kind, id, status, onDone }: { kind: ListingKind; id: number; status: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  if (!isStaff(me) || status !== 'pending_review') return null;
  const decide = async (decision: string, reason?: string) => {
    try {
      await kindApi(kind).review(id, decision, reason);
      void message.success(t('review.done'));
      onDone();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
      throw e;
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('review.waiting')}
      action={
        <DecisionButtons
          testId="listing-review"
          onDecide={decide}
          decisions={[
            { value: 'approve', label: t('review.approve'), needsReason: false, primary: true },
            { value: 'revise', label: t('review.revise'), needsReason: true },
            { value: 'reject', label: t('review.reject'), needsReason: true, danger: true },
          ]}
        />
      }
    />
  );
}
