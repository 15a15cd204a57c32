import { createHash, createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@guichet/shared/config';
import { SpentProofs } from '@guichet/shared/auth';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib';

type Challenge = Awaited<ReturnType<typeof createChallenge>>;

/** Long enough to solve on a slow phone, short enough that a stockpile goes stale. */
const CHALLENGE_TTL_MS = 10 * 60 * 1000;
/** About a second of work in a browser. */
const MAX_NUMBER = 100_000;

/**
 * Self-hosted ALTCHA proof of work (no third-party service). The HMAC key is derived from
 * SESSION_SECRET; each solution is accepted once, remembered (as a digest) until its challenge expires.
 * Time is the system clock, not an injected `Clock`: altcha-lib checks expiry against `Date.now()`.
 */
@Injectable()
export class AltchaVerifier {
  private readonly hmacKey: string;

  constructor(
    config: AppConfig,
    private readonly spent: SpentProofs,
  ) {
    this.hmacKey = createHmac('sha256', config.sessionSecret).update('guichet:altcha').digest('hex');
  }

  challenge(): Promise<Challenge> {
    return createChallenge({
      hmacKey: this.hmacKey,
      maxNumber: MAX_NUMBER,
      expires: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
  }

  /** True for a valid, unexpired solution seen for the first time. `payload` is the widget's base64 JSON. */
  async verify(payload: string): Promise<boolean> {
    let valid: boolean;
    try {
      valid = await verifySolution(payload, this.hmacKey, true);
    } catch {
      return false;
    }
    if (!valid) return false;
    const now = new Date();
    const expires = Number(extractParams(payload)['expires']);
    const expiresAt = Number.isFinite(expires) && expires > 0 ? new Date(expires * 1000) : new Date(now.getTime() + CHALLENGE_TTL_MS);
    return this.spent.spend(this.digest(payload), expiresAt, now);
  }

  /** One challenge has one solution: its signature identifies it. */
  private digest(payload: string): string {
    let signature = payload;
    try {
      const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature?: unknown };
      if (typeof decoded.signature === 'string') signature = decoded.signature;
    } catch {
      // verifySolution accepted it, so it decodes; the raw payload is a safe fallback key anyway.
    }
    return createHash('sha256').update(`altcha:${signature}`).digest('base64url');
  }
}
