import type { ThrottleRule } from '@guichet/shared/auth';

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;

type Limit = Omit<ThrottleRule, 'subject'>;

/**
 * Per account identifier and per address. Per identifier is tight (guessing one account's password);
 * per address leaves room for a school or an office behind one NAT.
 */
export const THROTTLE_LIMITS = {
  signInPerAccount: { bucket: 'sign-in:account', limit: 10, windowSeconds: QUARTER_HOUR },
  signInPerAddress: { bucket: 'sign-in:ip', limit: 100, windowSeconds: QUARTER_HOUR },
  resetRequestPerAccount: { bucket: 'reset-request:account', limit: 5, windowSeconds: HOUR },
  resetRequestPerAddress: { bucket: 'reset-request:ip', limit: 30, windowSeconds: HOUR },
  resetPerAddress: { bucket: 'reset:ip', limit: 30, windowSeconds: HOUR },
  registrationPerAccount: { bucket: 'registration:account', limit: 5, windowSeconds: HOUR },
  registrationPerAddress: { bucket: 'registration:ip', limit: 20, windowSeconds: HOUR },
  passwordChangePerAccount: { bucket: 'password-change:account', limit: 10, windowSeconds: QUARTER_HOUR },
  linkPerAddress: { bucket: 'link:ip', limit: 60, windowSeconds: HOUR },
} as const satisfies Record<string, Limit>;

export function rule(limit: Limit, subject: string | null): ThrottleRule {
  return { ...limit, subject };
}
