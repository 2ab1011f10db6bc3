// A party engages a technology-transfer agent on a deal that has none: pick one from the directory
// (searched on the server, by name), confirm, and the page reloads to show the agent.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { agentsApi } from '../../api/agents';
import type { Deal } from '../../api/deals';
import { toApiError } from '../../api/errors';
import { errorText } from '../../lib/errorText';
import { useAsync } from '../../lib/useAsync';

// Codes of backend/deals/engage.py a user can act on, each with its own words.
const KNOWN = ['agent_already_set', 'deal_closed', 'agent_not_found', 'parties_only'];
// Refusals after which the page's deal is out of date: reload it so it shows what is true now.
const STALE = ['agent_already_set', 'deal_closed', 'stale_version'];

export function EngageAgent({ deal, onChanged }: { deal: Deal; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="engage-agent">{t('engageAgent.open')}</Button>
      {/* Mounted only while open, so the directory is fetched when someone wants it. */}
      {open && <EngageAgentModal deal={deal} onClose={() => setOpen(false)} onChanged={onChanged} />}
    </>
  );
}

function EngageAgentModal({ deal, onClose, onChanged }: { deal: Deal; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One request per pause in typing, not per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const agents = useAsync(() => agentsApi.list(q), [q]);

  const submit = async () => {
    if (picked === undefined) {
      setError(t('engageAgent.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const updated = await agentsApi.engage(deal, picked);
      void message.success(t('engageAgent.done', { name: updated.agent_name ?? '' }));
      onClose();
      onChanged();
    } catch (e) {
      const err = toApiError(e);
      setError(KNOWN.includes(err.code) ? t(`engageAgent.error.${err.code}`) : errorText(t, err));
      if (STALE.includes(err.code)) onChanged();
    } finally {
      setBusy(false);
    }
  };

  const options = (agents.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.full_name}（${a.organisation_name}）` }));
  return (
    <Modal open title={t('engageAgent.title')} okText={t('common.confirm')} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => void submit()} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{t('engageAgent.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} data-testid="engage-agent-error" />}
      {agents.error && <Alert type="error" showIcon message={errorText(t, agents.error)} style={{ marginBottom: 12 }} />}
      <Select showSearch filterOption={false} onSearch={setTyped} value={picked} onChange={(v: number) => { setPicked(v); setError(undefined); }}
        options={options} placeholder={t('engageAgent.search')} aria-label={t('engageAgent.agent')} style={{ width: '100%' }}
        loading={agents.loading} notFoundContent={agents.loading ? <Spin size="small" /> : t('engageAgent.noMatch')} />
    </Modal>
  );
}
