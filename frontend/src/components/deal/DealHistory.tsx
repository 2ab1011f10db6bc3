// Every recorded change of a deal, newest last: who, when, the stage moved, and the figures changed.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealEvent } from '../../api/deals';
import { formatTime } from '../../lib/time';
import { EmptyState } from '../EmptyState';

const SKIP = new Set(['stage', 'reason', 'sha256', 'document_id', 'payment_id']);

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map(show).join(' / ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** "total: 100000.00 → 120000.00" lines for the changed fields of one event. */
export function changeLines(changes: Record<string, unknown>): [string, string][] {
  return Object.entries(changes)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => [k, Array.isArray(v) && v.length === 2 && k !== 'terms' ? `${show(v[0])} → ${show(v[1])}` : show(Array.isArray(v) && k === 'terms' ? v[1] : v)]);
}

export function DealHistory({ events }: { events: DealEvent[] | undefined }) {
  const { t } = useTranslation();
  if (events && events.length === 0) return <EmptyState hint={t('deal.noHistory')} />;
  return (
    <Timeline
      data-testid="deal-history"
      items={(events ?? []).map((e) => ({
        children: (
          <>
            <Typography.Text strong>{t(`deals.action.${e.action}`, e.action)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatTime(e.at)}{e.actor_id ? ` · ${e.actor_name ?? t('deal.byUser', { id: e.actor_id })}` : ''}</Typography.Text>
            {Array.isArray(e.changes.stage) && (
              <div>{t('deals.fromTo', { from: e.changes.stage[0] ? t(`deals.stage.${String(e.changes.stage[0])}`) : '—', to: t(`deals.stage.${String(e.changes.stage[1])}`) })}</div>
            )}
            {typeof e.changes.reason === 'string' && <div>{t('deals.lostReason')}: {e.changes.reason}</div>}
            {changeLines(e.changes).map(([k, v]) => (
              <div key={k} className="history-change"><Typography.Text type="secondary">{t(`deal.field.${k}`, k)}:</Typography.Text> {k === 'doc_type' ? t(`deal.docTypes.${v}`, v) : v}</div>
            ))}
            {e.note && <div className="prewrap">{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
