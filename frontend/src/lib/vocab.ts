import type { TransferMode } from '../api/types';

export const MODES: TransferMode[] = ['assignment', 'exclusive_licence', 'non_exclusive_licence', 'equity', 'co_development', 'technical_service'];
export const PRICE_TYPES = ['fixed', 'negotiable', 'appraisal'] as const;
export const IP_KINDS = ['invention_patent', 'utility_model', 'design', 'software_copyright', 'trade_secret'] as const;
export const IP_STATUSES = ['application', 'granted', 'registered', 'expired', 'not_applicable'] as const;
export const ORG_KINDS = ['university', 'research_institute', 'enterprise', 'transfer_agency', 'government'] as const;
export const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
