// A rule set evaluated against a deal: eligible or not, the amount, every check explained, the
// calculation step by step, and the documents still missing.
import { Alert, Descriptions, List, Space, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../api/subsidy';
import { useLocale } from '../i18n/LocaleProvider';
import { formatMoney } from '../lib/money';

export function EligibilityView({ evaluation, showDocuments = true }: { evaluation: Evaluation; showDocuments?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const text = (x: { zh: string; en: string }) => (locale === 'zh-CN' ? x.zh : x.en);
  const amount = evaluation.amount ?? evaluation.amount_if_eligible;
  return (
    <div data-testid="eligibility">
      <Alert
        type={evaluation.eligible ? 'success' : 'warning'}
        showIcon
        message={evaluation.eligible ? t('subsidy.eligible') : t('subsidy.notEligible')}
        description={amount ? t(evaluation.eligible ? 'subsidy.amount' : 'subsidy.amountIf', { amount: formatMoney(amount) }) : undefined}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={5}>{t('subsidy.checks')}</Typography.Title>
      <List
        size="small"
        dataSource={evaluation.checks}
        renderItem={(c) => (
          <List.Item>
            <Space align="start">
              {c.passed === true ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('subsidy.passed')} />
                : c.passed === false ? <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label={t('subsidy.failed')} />
                  : <QuestionCircleTwoTone twoToneColor="#faad14" aria-label={t('subsidy.unknown')} />}
              <span>{text(c.detail)}</span>
            </Space>
          </List.Item>
        )}
      />
      {evaluation.calculation.length > 0 && (
        <>
          <Typography.Title level={5}>{t('subsidy.calculation')}</Typography.Title>
          <Descriptions column={1} size="small" bordered>
            {evaluation.calculation.map((s) => (
              <Descriptions.Item key={s.step} label={text(s.detail)}>{s.value ? formatMoney(s.value) : ''}</Descriptions.Item>
            ))}
          </Descriptions>
        </>
      )}
      {showDocuments && evaluation.missing_documents.length > 0 && (
        <>
          <Typography.Title level={5}>{t('subsidy.documents')}</Typography.Title>
          <ul>{evaluation.missing_documents.map((d) => <li key={d.id}>{text(d)}</li>)}</ul>
        </>
      )}
      {evaluation.assumptions.length > 0 && (
        <Typography.Paragraph type="secondary">{evaluation.assumptions.map(text).join(' ')}</Typography.Paragraph>
      )}
    </div>
  );
}
