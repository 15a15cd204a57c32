import { randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER36 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `tok_…`, `ch_…`, `re_…`, `evt_…`: like the big processors' ids. */
export const newId = (prefix: 'tok' | 'ch' | 're' | 'evt'): string => `${prefix}_${randomString(BASE62, 24)}`;

/** `PP-…`: a PayPal order id (17 upper-case letters and digits). */
export const newPaypalOrderId = (): string => `PP-${randomString(UPPER36, 17)}`;
