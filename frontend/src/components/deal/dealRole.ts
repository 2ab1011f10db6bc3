// What the signed-in user may do on a deal, mirroring backend/deals/access.py: the parties and the
// deal's agent act; reviewers and platform admins read; only the parties record payments; the income
// split is the seller's statement.
import type { Deal, Stage } from '../../api/deals';
import type { Me } from '../../api/types';

export interface DealRole {
  isSeller: boolean;
  isBuyer: boolean;
  isParty: boolean;
  isAgent: boolean;
  isStaff: boolean;
  canAct: boolean;
}

export function dealRole(deal: Deal, me: Me | null): DealRole {
  const org = me?.organisation_id ?? null;
  const isSeller = org !== null && org === deal.seller_org_id;
  const isBuyer = org !== null && org === deal.buyer_org_id;
  const isParty = isSeller || isBuyer;
  const isAgent = !!me && deal.agent_id === me.id;
  const isStaff = me?.role === 'reviewer' || me?.role === 'platform_admin';
  return { isSeller, isBuyer, isParty, isAgent, isStaff, canAct: isParty || isAgent };
}

// backend/deals/stages.py
export const CONTRACT_EDITABLE: Stage[] = ['interest', 'introduced', 'negotiating', 'contract_signed'];
export const REGISTRATION_EDITABLE: Stage[] = ['contract_signed', 'registered'];
export const PAYABLE: Stage[] = ['contract_signed', 'registered'];
