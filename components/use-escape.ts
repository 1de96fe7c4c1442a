import { useEffect } from 'react';

/**
 * Esc calls `onBack` wherever the focus is in the page (a view that covers the whole panel: the
 * reader, an entity profile), unless something handled the key before.
 */
export function useEscape(onBack: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onBack();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onBack]);
}
