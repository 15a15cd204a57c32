import { createHash } from 'node:crypto';
import { TokenHash } from '@guichet/accounts/domain';

/** What is kept of a raw link or session token as received: its SHA-256 (the raw token is never stored). */
export function hashToken(rawToken: string): TokenHash {
  if (typeof rawToken !== 'string' || rawToken === '') throw new TypeError('A token must be a non-empty string');
  return TokenHash.fromStored(createHash('sha256').update(rawToken, 'utf8').digest('hex'));
}
