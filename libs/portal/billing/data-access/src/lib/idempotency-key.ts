/** The part of the Web Storage API the key needs (sessionStorage in the browser). */
export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'guichet.billing.idempotency.';

/**
 * One idempotency key per invoice and provider token, kept for the browser tab's life: a reload of the
 * return page (or a double submit) sends the same key, so the API answers the same payment instead of
 * charging twice. Without storage (privacy settings), the key still holds for this page.
 */
export function idempotencyKeyFor(
  storage: KeyStorage | null | undefined,
  invoiceId: string,
  token: string,
  newKey: () => string = () => globalThis.crypto.randomUUID(),
): string {
  const name = `${PREFIX}${invoiceId}.${token}`;
  try {
    const kept = storage?.getItem(name);
    if (kept) return kept;
  } catch {
    // Storage disabled: a fresh key below.
  }
  const key = newKey();
  try {
    storage?.setItem(name, key);
  } catch {
    // Quota or privacy settings: the key is still good for this visit.
  }
  return key;
}
