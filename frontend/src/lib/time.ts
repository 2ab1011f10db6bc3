// Times are stored in UTC; the UI shows them in Asia/Shanghai whatever the browser's zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

export function formatTime(value: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  return value ? dayjs(value).tz(ZONE).format(pattern) : '';
}

export function formatDate(value: string | null | undefined): string {
  return formatTime(value, 'YYYY-MM-DD');
}
