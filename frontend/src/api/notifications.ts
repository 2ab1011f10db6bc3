// In-app notifications: the list, the unread count, marking read.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

export type Notification = components['schemas']['NotificationOut'];

export const notificationsApi = {
  list: async (page: number, unread: boolean) =>
    unwrap(await api.GET('/api/notifications', { params: { query: { page, page_size: 20, unread } } })),
  unreadCount: async () => unwrap(await api.GET('/api/notifications/unread-count')).unread,
  markRead: async (id: number) =>
    unwrap(await api.POST('/api/notifications/{notification_id}/read', { params: { path: { notification_id: id } } })),
  markAllRead: async () => unwrap(await api.POST('/api/notifications/read-all')),
};

/** Links in notifications are absolute URLs of the web app; route them inside the app. */
export function internalPath(link: string | null): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, window.location.origin);
    return u.pathname + u.search;
  } catch {
    return null;
  }
}
