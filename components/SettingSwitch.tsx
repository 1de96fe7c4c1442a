import type { ReactNode } from 'react';

/**
 * A setting's checkbox with its label: unchecked and disabled while the stored value is still
 * being read (`value` null), so a click never acts on a value not yet known.
 */
export function SettingSwitch({ value, onChange, children }: { value: boolean | null; onChange(): void; children: ReactNode }) {
  return (
    <label className="row">
      <input type="checkbox" checked={value === true} disabled={value === null} onChange={onChange} />
      {children}
    </label>
  );
}
