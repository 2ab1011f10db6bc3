// Unread-count bell. The notifications API is not in the backend yet; until it is, the bell stays hidden.
// When /api/notifications lands: fetch the unread count here and link to /notifications.
export const NOTIFICATIONS_ENABLED = false;

export function NotificationBell() {
  if (!NOTIFICATIONS_ENABLED) return null;
  return null;
}
