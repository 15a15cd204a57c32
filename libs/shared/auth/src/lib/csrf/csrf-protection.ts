import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@guichet/shared/config';
import type { Request } from 'express';
import { readCookie, XSRF_COOKIE, XSRF_HEADER } from '../session/cookies';

/** Methods that change state: each needs the token pair and a same-origin Origin/Referer. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Signed double-submit cookie (OWASP): the `XSRF-TOKEN` cookie is `<random>.<hmac>`, and a
 * state-changing request must echo it in `X-XSRF-TOKEN`. The signature (key derived from
 * SESSION_SECRET) stops a forged cookie planted by a sibling subdomain; the Origin/Referer check
 * against PUBLIC_URL is the second layer.
 */
@Injectable()
export class CsrfProtection {
  private readonly key: Buffer;
  private readonly origin: string;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.sessionSecret).update('guichet:csrf').digest();
    this.origin = new URL(config.publicUrl).origin;
  }

  issue(): string {
    const nonce = randomBytes(24).toString('base64url');
    return `${nonce}.${this.sign(nonce)}`;
  }

  /** True when the cookie holds a token this server signed. */
  isGenuine(token: string | null): token is string {
    if (!token) return false;
    const dot = token.indexOf('.');
    if (dot <= 0) return false;
    return safeEqual(token.slice(dot + 1), this.sign(token.slice(0, dot)));
  }

  /** The request may change state: genuine cookie, same value in the header, and not from another origin. */
  accepts(req: Request): boolean {
    const cookie = readCookie(req, XSRF_COOKIE);
    const header = req.headers[XSRF_HEADER];
    if (typeof header !== 'string' || !this.isGenuine(cookie) || !safeEqual(header, cookie)) return false;
    return this.sameOrigin(req);
  }

  /**
   * Origin first, then Referer. A request with neither passes on the token alone: browsers send
   * Origin on every cross-origin POST, and the helmet Referrer-Policy hides Referer anyway.
   */
  private sameOrigin(req: Request): boolean {
    const origin = req.headers.origin;
    if (typeof origin === 'string') return origin === this.origin;
    const referer = req.headers.referer;
    if (typeof referer !== 'string') return true;
    try {
      return new URL(referer).origin === this.origin;
    } catch {
      return false;
    }
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.key).update(nonce).digest('base64url');
  }
}
