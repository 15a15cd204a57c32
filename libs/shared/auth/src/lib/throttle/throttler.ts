import { createHmac } from 'node:crypto';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig } from '@guichet/shared/config';
import { Clock } from '@guichet/shared/kernel';
import type { Response } from 'express';
import { ThrottleStore } from './throttle-store';

/** One limit: at most `limit` hits per `windowSeconds` for the same `subject` in this `bucket`. */
export interface ThrottleRule {
  /** e.g. `sign-in:account`, `sign-in:ip`. */
  readonly bucket: string;
  /** The account identifier as typed (normalized by the caller) or the IP address. Null skips the rule. */
  readonly subject: string | null;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Answered as 429 with `Retry-After`; the problem body is the generic translated one, whoever is asked about. */
export class TooManyRequests extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Counts attempts per account identifier and per address. The counters do not depend on whether an
 * account exists, so a 429 (and its body) reveals nothing either.
 */
@Injectable()
export class Throttler {
  private readonly key: Buffer;

  constructor(
    private readonly store: ThrottleStore,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.sessionSecret).update('guichet:throttle').digest();
  }

  /**
   * Counts a hit on every rule, then refuses when any is over its limit: sets `Retry-After` on
   * `res` and throws `TooManyRequests`. Every rule is counted even when an earlier one refuses.
   */
  async enforce(res: Response, rules: readonly ThrottleRule[]): Promise<void> {
    const now = this.clock.now();
    let retryAfter = 0;
    for (const rule of rules) {
      if (rule.subject === null || rule.subject === '') continue;
      const count = await this.store.hit(this.keyOf(rule), rule.windowSeconds, now);
      if (count.hits > rule.limit) retryAfter = Math.max(retryAfter, Math.ceil((count.resetsAt.getTime() - now.getTime()) / 1000));
    }
    if (retryAfter > 0) {
      res.setHeader('Retry-After', String(retryAfter));
      throw new TooManyRequests(retryAfter);
    }
  }

  private keyOf(rule: ThrottleRule): string {
    return `${rule.bucket}:${createHmac('sha256', this.key).update(rule.subject ?? '').digest('base64url')}`;
  }
}
