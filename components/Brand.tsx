import { t } from '@/lib/i18n';

export interface BrandProps {
  /** What this page of the extension is, shown at the right. */
  subtitle: string;
}

/** The product name as a header, shared by the popup, side panel and options page. */
export function Brand({ subtitle }: BrandProps) {
  return (
    <header className="brand">
      <div className="brand-mark" aria-hidden="true">
        注
      </div>
      <h1 className="brand-name">{t('extName')}</h1>
      <span className="brand-sub">{subtitle}</span>
    </header>
  );
}
