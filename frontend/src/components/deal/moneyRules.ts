// Form rules shared by the deal's forms: required, and money as a string with at most two decimals.
import { useTranslation } from 'react-i18next';
import { isMoney } from '../../lib/money';

export function useMoneyRules() {
  const { t } = useTranslation();
  return {
    required: { required: true, message: t('auth.fieldRequired') },
    money: {
      validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('browse.moneyInvalid')))),
    },
    positive: {
      validator: (_: unknown, v?: string) => (!v || !isMoney(v) || /[1-9]/.test(v) ? Promise.resolve() : Promise.reject(new Error(t('deal.aboveZero')))),
    },
  };
}
