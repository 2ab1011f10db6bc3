// A deal and its contract as the API returns them, shared by the deal page's tests.
import type { Contract, Deal } from '../api/deals';

export const DEAL: Deal = {
  id: 3, title: '甘蔗渣餐具技术转让', output_id: 9, need_id: 4, seller_org_id: 1, buyer_org_id: 2, agent_id: 7, agency_org_id: 5,
  stage: 'negotiating', allowed_next: ['contract_signed', 'closed_lost'], lost_reason: null, version: 4,
  created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', closed_at: null,
};
export const CONTRACT: Contract = {
  deal_id: 3, contract_type: 'transfer', total: '350000.00', non_technical_costs: '50000.00', technology_amount: '300000.00',
  royalty_terms: null, signed_on: '2026-03-01', version: 2, updated_at: '2026-03-01T00:00:00Z',
};
