// i18n keys of listing field names, to name missing or wrong fields in the user's language.
export const FIELD_LABEL_KEYS: Record<string, string> = {
  title: 'form.title',
  summary: 'listing.summary',
  confidential_detail: 'listing.confidential',
  problem_solved: 'listing.problemSolved',
  advantages: 'listing.advantages',
  applications: 'listing.applications',
  trl: 'listing.trl',
  ip_records: 'listing.ipRecords',
  owners: 'listing.owners',
  transfer_modes: 'listing.transferModes',
  price_type: 'listing.priceType',
  asking_price: 'listing.askingPrice',
  field_code: 'listing.field',
  region: 'listing.region',
  keywords: 'listing.keywords',
  visibility: 'listing.visibility',
  description: 'listing.description',
  specifications: 'listing.specifications',
  target_trl: 'listing.targetTrl',
  budget_min: 'listing.budget',
  budget_max: 'listing.budget',
  cooperation_modes: 'listing.coopModes',
  deadline: 'listing.deadline',
};

/** Names of the fields an `incomplete_listing` error says are missing. */
export function missingFields(details: { loc: (string | number)[] }[]): string[] {
  return details.map((d) => String(d.loc[d.loc.length - 1]));
}
