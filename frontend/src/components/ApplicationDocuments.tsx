// A subsidy application's document checklist (the rule set's list, at the version the application
// froze): each item ticked once a deal document is filed against it; for each missing item, pick a
// document already on the deal or upload one, and the application comes back re-evaluated.
import { useState } from 'react';
import { Button, List, Select, Space, Tag, Typography, App } from 'antd';
import { CheckCircleTwoTone, ExclamationCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DealDocument, DocumentType } from '../api/documents';
import { toApiError } from '../api/errors';
import { subsidyApi, type Application, type Evaluation, type RequiredDocument } from '../api/subsidy';
import { useLocale } from '../i18n/LocaleProvider';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';
import { DocumentUpload } from './deal/DocumentUpload';

export type ItemState = 'attached' | 'missing' | 'not_needed';

/** Where each checklist item stands: filed, still missing, or not required for this deal. */
export function checklistState(doc: RequiredDocument, app: Application): ItemState {
  if (app.documents[doc.id] !== undefined) return 'attached';
  const evaluation = app.evaluation as unknown as Evaluation;
  return (evaluation.missing_documents ?? []).some((m) => m.id === doc.id) ? 'missing' : 'not_needed';
}

/** The deal document type a checklist item most likely is, to preselect on upload. */
export function guessDocType(itemId: string): DocumentType {
  if (itemId.includes('registration_certificate')) return 'registration_certificate';
  if (itemId.includes('contract')) return 'contract';
  if (itemId.includes('voucher') || itemId.includes('payment')) return 'payment_voucher';
  if (itemId.includes('invoice')) return 'invoice';
  return 'other';
}

interface Props {
  application: Application;
  documents: DealDocument[];
  onChanged: (app: Application) => void;
  onUploaded: () => void;
}

export function ApplicationDocuments({ application, documents, onChanged, onUploaded }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const rules = useAsync(() => subsidyApi.ruleSet(application.rule_set, application.rule_set_version), [application.rule_set, application.rule_set_version]);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string>();
  const [uploading, setUploading] = useState<string>();
  const editable = application.status === 'draft';
  const byId = new Map(documents.map((d) => [d.id, d]));

  const attach = async (item: string, dealDocumentId: number) => {
    setBusy(item);
    try {
      onChanged(await subsidyApi.attach(application.id, item, dealDocumentId));
      setUploading(undefined);
      void message.success(t('subsidy.attached'));
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const checklist = rules.data?.documents ?? [];
  const needed = checklist.filter((d) => checklistState(d, application) !== 'not_needed');
  const done = needed.filter((d) => checklistState(d, application) === 'attached').length;

  return (
    <div data-testid="application-documents" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('subsidy.checklist', { done, total: needed.length })}</Typography.Title>
      {!editable && <Typography.Paragraph type="secondary">{t('subsidy.checklistFrozen')}</Typography.Paragraph>}
      {editable && documents.length === 0 && <Typography.Paragraph type="secondary">{t('subsidy.checklistHint')}</Typography.Paragraph>}
      <List size="small" loading={rules.loading && !rules.data} dataSource={checklist} bordered
        renderItem={(doc) => {
          const state = checklistState(doc, application);
          const filed = byId.get(Number(application.documents[doc.id]));
          const name = locale === 'zh-CN' ? doc.zh : doc.en;
          return (
            <List.Item data-testid={`checklist-${doc.id}`} data-state={state}>
              <Space direction="vertical" style={{ width: '100%' }} size={4}>
                <Space align="start">
                  {state === 'attached' ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('subsidy.itemAttached')} />
                    : state === 'missing' ? <ExclamationCircleTwoTone twoToneColor="#faad14" aria-label={t('subsidy.itemMissing')} />
                      : <MinusCircleOutlined style={{ color: '#999' }} aria-label={t('subsidy.itemNotNeeded')} />}
                  <span>{name}</span>
                  {state === 'attached' && <Tag color="success">{filed?.filename ?? `#${String(application.documents[doc.id])}`}</Tag>}
                  {state === 'not_needed' && <Tag>{t('subsidy.itemNotNeeded')}</Tag>}
                </Space>
                {editable && state !== 'not_needed' && (
                  <Space wrap>
                    <label htmlFor={`pick-${doc.id}`} className="sr-only">{`${t('subsidy.pickDocument')}: ${name}`}</label>
                    <Select id={`pick-${doc.id}`} style={{ minWidth: 220 }} placeholder={t('subsidy.pickDocument')}
                      value={chosen[doc.id]} onChange={(v: number) => setChosen({ ...chosen, [doc.id]: v })} notFoundContent={t('subsidy.noDealDocuments')}
                      options={documents.map((d) => ({ value: d.id, label: `${d.filename} · ${t(`deal.docTypes.${d.doc_type}`)}` }))} />
                    <Button type={state === 'missing' ? 'primary' : 'default'} disabled={!chosen[doc.id]} loading={busy === doc.id}
                      onClick={() => void attach(doc.id, chosen[doc.id])} data-testid={`attach-${doc.id}`}>
                      {state === 'attached' ? t('subsidy.replace') : t('subsidy.attach')}
                    </Button>
                    <Button type="link" onClick={() => setUploading(uploading === doc.id ? undefined : doc.id)} aria-expanded={uploading === doc.id}>
                      {t('subsidy.uploadNew')}
                    </Button>
                  </Space>
                )}
                {editable && uploading === doc.id && (
                  <DocumentUpload dealId={application.deal_id} docType={guessDocType(doc.id)} name={`checklist-${doc.id}`} compact
                    onUploaded={(d) => { onUploaded(); void attach(doc.id, d.id); }} />
                )}
              </Space>
            </List.Item>
          );
        }} />
    </div>
  );
}
