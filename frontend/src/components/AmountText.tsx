import { useTranslation } from 'react-i18next';
import type { NeedOut, OutputOut } from '../api/types';
import { formatMoney } from '../lib/money';

/** Asking price of an output or budget of a need, in words. */
export function AmountText({ output, need }: { output?: OutputOut; need?: NeedOut }) {
  const { t } = useTranslation();
  if (output) {
    if (output.price_type === 'fixed' && output.asking_price) return <>¥{formatMoney(output.asking_price)}</>;
    return output.price_type ? <>{t(`priceType.${output.price_type}`)}</> : null;
  }
  if (need) {
    const min = formatMoney(need.budget_min);
    const max = formatMoney(need.budget_max);
    if (min && max) return <>{t('listing.budgetRange', { min, max })}</>;
    if (min) return <>{t('listing.budgetFrom', { min })}</>;
    if (max) return <>{t('listing.budgetUpTo', { max })}</>;
    return need.budget_negotiable ? <>{t('common.negotiable')}</> : null;
  }
  return null;
}
