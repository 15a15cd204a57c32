import { Injectable } from '@nestjs/common';
import { AppConfig } from '@guichet/shared/config';
import type { CookieOptions, Response } from 'express';
import { SESSION_COOKIE, XSRF_COOKIE } from './cookies';

/** Sets and clears the session and XSRF cookies with the attributes the security rules require. */
@Injectable()
export class AuthCookies {
  constructor(private readonly config: AppConfig) {}

  /** Secure everywhere but the embedded run and the tests, which serve plain http on localhost. */
  get secure(): boolean {
    return this.config.nodeEnv !== 'development' && this.config.nodeEnv !== 'test';
  }

  /** A session cookie unless `expiresAt` is given (« Restez connecté pour 14 jours »). */
  setSession(res: Response, token: string, expiresAt: Date | null): void {
    res.cookie(SESSION_COOKIE, token, { ...this.base(true), ...(expiresAt ? { expires: expiresAt } : {}) });
  }

  clearSession(res: Response): void {
    res.clearCookie(SESSION_COOKIE, this.base(true));
  }

  setXsrf(res: Response, token: string): void {
    res.cookie(XSRF_COOKIE, token, this.base(false));
  }

  private base(httpOnly: boolean): CookieOptions {
    return { httpOnly, sameSite: 'lax', secure: this.secure, path: '/' };
  }
}
