// Each user's notification preferences, and an organisation's signed webhooks.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

export type Preferences = components['schemas']['PreferencesOut'];
export type Webhook = components['schemas']['WebhookOut'];
export type WebhookCreated = components['schemas']['WebhookCreated'];

/** Every event a user can hear of, in the order the settings list them. */
export const EVENTS = [
  'match.new',
  'search.match',
  'listing.approved',
  'listing.rejected',
  'listing.revision_requested',
  'listing.expiring',
  'listing.expired',
  'interest.received',
  'interest.decided',
  'deal.opened',
  'deal.stage_changed',
  'deal.payment_recorded',
  'deal.agent_engaged',
  'subsidy_application.status_changed',
  'subsidy_application.paid',
] as const;

export const settingsApi = {
  preferences: async () => unwrap(await api.GET('/api/notifications/preferences')),
  savePreferences: async (body: Preferences) => unwrap(await api.PUT('/api/notifications/preferences', { body })),
  webhooks: async () => unwrap(await api.GET('/api/notifications/webhooks')),
  addWebhook: async (url: string, events: string[]) =>
    unwrap(await api.POST('/api/notifications/webhooks', { body: { url, events } })),
  removeWebhook: async (id: number) => {
    const res = await api.DELETE('/api/notifications/webhooks/{webhook_id}', { params: { path: { webhook_id: id } } });
    if (res.error) unwrap(res);
  },
};
