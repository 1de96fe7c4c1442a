import type { WireSpan } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { describeValue, TYPE_ORDER, typeLabel } from '@/lib/text/format-value';

export interface EntitySummaryProps {
  /** The spans painted on the page; null while unknown or where nothing runs. */
  entities: readonly WireSpan[] | null;
  /** Scroll the page to this occurrence. */
  onReveal(span: WireSpan): void;
  /** Types the reader switched off (not painted, so not in `entities`). */
  hiddenTypes?: ReadonlySet<string>;
  /** Switch a type's highlights on or off. */
  onToggleType?(type: string): void;
  /** Opens a name's entity profile (names only; no button without it). */
  onProfile?(span: WireSpan): void;
  /** How many distinct entries to list. */
  limit?: number;
}

const NAME_TYPES = new Set(['PERSON', 'PLACE', 'ORG', 'DOC']);

interface Entry {
  span: WireSpan;
  count: number;
}

/** Counts per type and the distinct entities and figures of the page, most frequent first. */
export function EntitySummary({ entities, onReveal, onProfile, hiddenTypes = new Set(), onToggleType = () => {}, limit = 30 }: EntitySummaryProps) {
  if (!entities) return null;
  if (entities.length === 0 && hiddenTypes.size === 0) return <p className="empty">{t('popupNoEntities')}</p>;
  const counts = new Map<string, number>();
  const entries = new Map<string, Entry>();
  for (const span of entities) {
    counts.set(span.type, (counts.get(span.type) ?? 0) + 1);
    const key = `${span.type}\t${span.text}`;
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { span, count: 1 });
  }
  const list = [...entries.values()].sort((a, b) => b.count - a.count || a.span.start - b.span.start).slice(0, limit);
  return (
    <div className="entity-summary">
      <div className="type-counts" aria-label={t('popupTypeCounts')}>
        {TYPE_ORDER
          .filter((type) => counts.has(type) || hiddenTypes.has(type))
          .map((type) => {
            const off = hiddenTypes.has(type);
            return (
              <button
                type="button"
                key={type}
                className={`type-chip type-${off ? 'off' : type}`}
                aria-pressed={!off}
                title={off ? t('popupShowType') : t('popupHideType')}
                onClick={() => onToggleType(type)}
              >
                {typeLabel(type)} <b>{off ? t('popupTypeHidden') : counts.get(type)}</b>
              </button>
            );
          })}
      </div>
      <ul className="list entity-list" aria-label={t('popupEntityList')}>
        {list.map(({ span, count }) => {
          const value = describeValue(span);
          // A value that only repeats the words (9 个 → 9 个) is left out.
          const shown = value && value.words.replace(/\s/g, '') !== span.text.replace(/\s/g, '') ? value.words : '';
          return (
          <li key={`${span.type}\t${span.text}`}>
            <button type="button" className="entity-link" onClick={() => onReveal(span)} title={t('popupReveal')}>
              <span className={`type-dot type-${span.type}`} aria-hidden="true" />
              <span className="entity-text">{span.text}</span>
              {shown && (
                <span className="small muted entity-value" title={value?.machine}>
                  {' '}
                  {shown}
                </span>
              )}
              {count > 1 && <span className="badge">×{count}</span>}
            </button>
            {onProfile && NAME_TYPES.has(span.type) && (
              <button type="button" className="entity-profile" onClick={() => onProfile(span)} aria-label={t('cardProfileTitle', span.text)} title={t('cardProfileTitle', span.text)}>
                {t('cardProfile')}
              </button>
            )}
          </li>
          );
        })}
      </ul>
    </div>
  );
}
