/**
 * A random (version 4) UUID that works in every context a content script runs in.
 *
 * `crypto.randomUUID()` exists only in secure contexts, so a content script on an
 * `http://` page (most government sites) cannot call it; `crypto.getRandomValues()`
 * is available everywhere. Never throws while `crypto.getRandomValues` exists (all
 * supported browsers and Node ≥ 19).
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
