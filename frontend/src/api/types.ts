// Short names for the generated schema types.
import type { components } from './schema';

type S = components['schemas'];
export type Me = S['MeOut'];
export type Organisation = S['OrganisationOut'];
export type OrgKind = S['OrgKind'];
export type OutputOut = S['OutputOut'];
export type OutputDetail = S['OutputDetail'];
export type OutputDraft = S['OutputDraft'];
export type OutputUpdate = S['OutputUpdate'];
export type NeedOut = S['NeedOut'];
export type NeedDraft = S['NeedDraft'];
export type NeedUpdate = S['NeedUpdate'];
export type FieldOut = S['FieldOut'];
export type RegionOut = S['RegionOut'];
export type ListingStatus = S['ListingStatus'];
export type TransferMode = S['TransferMode'];
export type PriceType = S['PriceType'];
export type Locale = S['Locale'];
export type RegisterIn = S['RegisterIn'];
export type AuditEvent = S['AuditEventOut'];
export type ListingKind = 'outputs' | 'needs';
export type Visibility = S['Visibility'];
export type IpKindT = S['IpKind'];
export type IpStatusT = S['IpStatus'];
export type FieldCode = NonNullable<OutputDraft['field_code']>;
export type RegionCode = NonNullable<OutputDraft['region']>;
