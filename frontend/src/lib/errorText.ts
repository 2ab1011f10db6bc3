import type { TFunction } from 'i18next';
import type { ApiError } from '../api/errors';

/** Words a user understands for an API error; the server's message where it is specific. */
export function errorText(t: TFunction, err: ApiError): string {
  switch (err.status) {
    case 0:
      return t('common.networkError');
    case 401:
      return err.code === 'bad_credentials' ? t('auth.badCredentials') : t('common.sessionExpired');
    case 403:
      return err.message || t('common.forbidden');
    case 404:
      return t('common.notFound');
    case 409:
      return err.code === 'conflict' || err.code === 'stale_version' ? t('common.conflict') : err.message;
    case 429:
      return t('common.tooMany');
    default:
      return err.message;
  }
}
