// Background tasks that exhausted their retries, for platform admins to inspect and run again.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

export type FailedTask = components['schemas']['FailedTaskOut'];

export const failedTasksApi = {
  list: async (page: number, includeRetried: boolean) =>
    unwrap(await api.GET('/api/admin/failed-tasks', { params: { query: { page, page_size: 20, include_retried: includeRetried } } })),
  retry: async (id: number) =>
    unwrap(await api.POST('/api/admin/failed-tasks/{failed_id}/retry', { params: { path: { failed_id: id } } })),
};
