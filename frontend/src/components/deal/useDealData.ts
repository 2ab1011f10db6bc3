// Everything the deal page shows, loaded together; one reload after any change keeps the stage, the
// figures and the history in step (a payment can move the stage; every change adds a history row).
import { useCallback, useState } from 'react';
import { contractApi, dealsApi } from '../../api/deals';
import { documentsApi } from '../../api/documents';
import { useAsync } from '../../lib/useAsync';

export function useDealData(id: number) {
  const [tick, setTick] = useState(0);
  const deal = useAsync(() => dealsApi.get(id), [id, tick]);
  const history = useAsync(() => dealsApi.history(id), [id, tick]);
  const contract = useAsync(() => contractApi.get(id), [id, tick]);
  const registration = useAsync(() => contractApi.registration(id), [id, tick]);
  const payments = useAsync(() => contractApi.payments(id), [id, tick]);
  const documents = useAsync(() => documentsApi.list(id), [id, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { deal, history, contract, registration, payments, documents, reload, tick };
}
