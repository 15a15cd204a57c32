import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { CsrfRejected } from '../csrf/csrf.errors';
import { CsrfProtection, STATE_CHANGING_METHODS } from '../csrf/csrf-protection';
import { CSRF_EXEMPT_KEY, IS_PUBLIC_KEY, PRINCIPAL_PROPERTY, REQUIRED_CHANNEL_KEY, REQUIRED_ROLES_KEY, type AuthenticatedRequest } from './auth.decorators';
import { BackOfficeRequired } from './session.errors';
import { AuthCookies } from './auth-cookies';
import { readCookie, SESSION_COOKIE, XSRF_COOKIE } from './cookies';
import { SessionAuthenticator, type RequestClient } from './principal';

export function requestClient(req: Request): RequestClient {
  const userAgent = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null };
}

/**
 * The global guard (installed by `AuthModule`): on by default. In order: hands out an XSRF cookie
 * when the browser has none; refuses a state-changing request without the token pair (403
 * `AUTH.CSRF`, public routes included); resolves the session cookie (clearing a dead one); then
 * refuses signed-out callers (401) unless the route is `@Public()`, and callers lacking the
 * `@Roles`/`@Permission` roles (403), or signed in on the wrong channel for a `@BackOffice()` route
 * (403 `AUTH.BACK_OFFICE_REQUIRED`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionAuthenticator,
    private readonly csrf: CsrfProtection,
    private readonly cookies: AuthCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();

    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true;
    if (isPublic && this.reflector.getAllAndOverride<boolean>(CSRF_EXEMPT_KEY, targets) === true) {
      // A signed server-to-server callback: no session is read, no cookie is set.
      req[PRINCIPAL_PROPERTY] = null;
      return true;
    }
    if (!this.csrf.isGenuine(readCookie(req, XSRF_COOKIE))) this.cookies.setXsrf(res, this.csrf.issue());
    if (STATE_CHANGING_METHODS.has(req.method.toUpperCase()) && !this.csrf.accepts(req)) throw new CsrfRejected();

    const token = readCookie(req, SESSION_COOKIE);
    const principal = token ? await this.sessions.authenticate(token, requestClient(req)) : null;
    if (token && principal === null) this.cookies.clearSession(res);
    req[PRINCIPAL_PROPERTY] = principal;

    if (isPublic) return true;
    if (principal === null) throw new UnauthorizedException();
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES_KEY, targets);
    if (required && !required.some((role) => principal.roles.includes(role))) throw new ForbiddenException();
    const channel = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_CHANNEL_KEY, targets);
    if (channel !== undefined && principal.channel !== channel) throw new BackOfficeRequired();
    return true;
  }
}
