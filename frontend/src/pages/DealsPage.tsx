// The pipeline board: one column per stage with its count; cards move by their buttons or by dragging
// onto a column the deal may go to next.
import { useState, type DragEvent } from 'react';
import { Badge, Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dealsApi, STAGES, type Deal, type Stage } from '../api/deals';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { StageButtons, useStageMove } from '../components/StageMove';
import { formatDate } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function DealsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useAsync(() => dealsApi.list(), []);
  const { request, busy, modal } = useStageMove(() => reload());
  const [dragged, setDragged] = useState<Deal>();
  const deals = data?.items ?? [];

  const onDrop = (stage: Stage) => (e: DragEvent) => {
    e.preventDefault();
    if (dragged && dragged.allowed_next?.includes(stage)) request(dragged, stage);
    setDragged(undefined);
  };

  return (
    <div className="page wide">
      <Typography.Title level={2}>{t('deals.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('deals.hint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!loading && deals.length === 0 && !error ? (
        <EmptyState hint={t('deals.empty')} />
      ) : (
        <div className="board" aria-busy={loading}>
          {STAGES.map((stage) => {
            const inStage = deals.filter((d) => d.stage === stage);
            const droppable = !!dragged?.allowed_next?.includes(stage);
            return (
              <section key={stage} className={`board-col${droppable ? ' droppable' : ''}`} aria-label={t(`deals.stage.${stage}`)}
                onDragOver={(e) => droppable && e.preventDefault()} onDrop={onDrop(stage)}>
                <header className="board-col-head">
                  <span>{t(`deals.stage.${stage}`)}</span>
                  <Badge count={inStage.length} showZero color={inStage.length ? '#0b6bcb' : '#bbb'} />
                </header>
                {inStage.map((d) => (
                  <Card key={d.id} size="small" className="deal-card" draggable={(d.allowed_next ?? []).length > 0}
                    onDragStart={() => setDragged(d)} onDragEnd={() => setDragged(undefined)} data-testid="deal-card">
                    <Link to={`/deals/${d.id}`}>{d.title}</Link>
                    <div className="deal-meta">#{d.id} · {formatDate(d.updated_at)}</div>
                    <StageButtons deal={d} onRequest={request} busy={busy} />
                  </Card>
                ))}
              </section>
            );
          })}
        </div>
      )}
      {modal}
    </div>
  );
}
