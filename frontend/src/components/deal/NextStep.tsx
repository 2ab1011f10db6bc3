// What the deal needs next, in words, with the tab where it is done: the pipeline's requirements
// (backend/deals/pipeline.py) said before the user runs into them.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract, Deal, Payments, Registration } from '../../api/deals';
import type { DealRole } from './dealRole';

export interface Step {
  key: string;
  tab?: string;
}

export function nextStep(deal: Deal, contract: Contract | null | undefined, registration: Registration | null | undefined, payments: Payments | undefined): Step | null {
  switch (deal.stage) {
    case 'interest':
    case 'introduced':
      return { key: 'talk' };
    case 'negotiating':
      return contract?.signed_on ? { key: 'moveSigned' } : { key: 'recordContract', tab: 'contract' };
    case 'contract_signed':
      return registration ? { key: 'moveRegistered' } : { key: 'recordRegistration', tab: 'contract' };
    case 'registered':
      return payments?.outstanding && payments.outstanding !== '0.00' ? { key: 'recordPayments', tab: 'payments' } : null;
    case 'paid':
      return { key: 'close' };
    default:
      return null;
  }
}

export function NextStep({ step, role, onOpen }: { step: Step | null; role: DealRole; onOpen: (tab: string) => void }) {
  const { t } = useTranslation();
  if (!step || !role.canAct) return null;
  return (
    <Alert type="info" showIcon style={{ marginTop: 12 }} data-testid="next-step" message={t(`deal.next.${step.key}`)}
      action={step.tab && <Button size="small" onClick={() => onOpen(step.tab!)}>{t(`deal.tab.${step.tab}`)}</Button>} />
  );
}
