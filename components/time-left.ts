import { t } from '@/lib/i18n';

/** A time left in words: "约剩 45 秒", "约剩 2 分钟", "约剩 1 小时 5 分钟"; "正在估算剩余时间" for null. */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return t('commonTimeLeftUnknown');
  // Seconds by fives, at least 5; from a minute on, whole minutes.
  const seconds = Math.max(5, Math.ceil(ms / 5000) * 5);
  if (seconds < 60) return t('commonTimeLeftSeconds', seconds);
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t('commonTimeLeftMinutes', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t('commonTimeLeftHours', hours) : t('commonTimeLeftHoursMinutes', hours, rest);
}
