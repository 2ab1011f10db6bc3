// The deal's documents: each with its type, size, checksum and a download; the parties and the agent
// upload more (the signed contract, the registration certificate, payment vouchers, invoices...).
import { useState } from 'react';
import { Button, Table, Tooltip, Typography, App } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { documentsApi, saveBlob, type DealDocument } from '../../api/documents';
import { toApiError } from '../../api/errors';
import { errorText } from '../../lib/errorText';
import { formatTime } from '../../lib/time';
import { EmptyState } from '../EmptyState';
import { DocumentUpload } from './DocumentUpload';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function DownloadButton({ dealId, doc }: { dealId: number; doc: DealDocument }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await documentsApi.download(dealId, doc.id), doc.filename);
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} aria-label={`${t('deal.download')} ${doc.filename}`}>
      {t('deal.download')}
    </Button>
  );
}

interface Props {
  dealId: number;
  documents: DealDocument[] | undefined;
  canAct: boolean;
  onChanged: () => void;
}

export function DocumentsPanel({ dealId, documents, canAct, onChanged }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Table size="small" rowKey="id" pagination={false} dataSource={documents ?? []} loading={documents === undefined} scroll={{ x: 'max-content' }}
        data-testid="documents-table"
        locale={{ emptyText: <EmptyState title={t('deal.noDocuments')} hint={canAct ? t('deal.noDocumentsHint') : t('deal.noDocumentsReadOnly')} /> }}
        columns={[
          { title: t('deal.docType'), dataIndex: 'doc_type', key: 'doc_type', render: (v: string) => t(`deal.docTypes.${v}`, v) },
          { title: t('deal.file'), dataIndex: 'filename', key: 'filename', render: (v: string, d: DealDocument) => (
            <Tooltip title={`SHA-256 ${d.sha256}`}><Typography.Text>{v}</Typography.Text></Tooltip>
          ) },
          { title: t('deal.size'), dataIndex: 'size', key: 'size', align: 'right', render: (v: number) => formatSize(v) },
          { title: t('deal.uploadedAt'), dataIndex: 'uploaded_at', key: 'uploaded_at', render: (v: string) => formatTime(v) },
          { title: t('common.actions'), key: 'actions', render: (_: unknown, d: DealDocument) => <DownloadButton dealId={dealId} doc={d} /> },
        ]} />
      {canAct && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('deal.addDocument')}</Typography.Title>
          <DocumentUpload dealId={dealId} onUploaded={onChanged} />
        </div>
      )}
    </>
  );
}
