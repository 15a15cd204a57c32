import { createParamDecorator, SetMetadata, UnauthorizedException, type CustomDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';

export const REQUIRED_ROLES_KEY = 'guichet:auth:roles';
export const REQUIRED_CHANNEL_KEY = 'guichet:auth:channel';

/** The channel of a session opened in the back-office application. */
export const BACK_OFFICE_CHANNEL = 'back-office';

// `@Public()` lives in the http lib so that the foundation's health and metrics routes can use it.
export { IS_PUBLIC_KEY, Public } from '@guichet/shared/http';

/** The caller must hold at least one of these roles (403 otherwise, 401 when signed out). */
export const Roles = (...roles: readonly string[]): CustomDecorator => SetMetadata(REQUIRED_ROLES_KEY, [...roles]);

/**
 * The caller must hold a role that a context's permission table grants `permission`, e.g.
 * `@Permission(ACCOUNTS_PERMISSIONS, 'accounts.search')`. The same table guards the handlers.
 */
export function Permission<P extends string>(table: Readonly<Record<P, readonly string[]>>, permission: P): CustomDecorator {
  return SetMetadata(REQUIRED_ROLES_KEY, [...table[permission]]);
}

/**
 * The caller must be signed in on the back-office (403 `AUTH.BACK_OFFICE_REQUIRED` otherwise): staff
 * routes refuse a staff member's portal session, whatever its roles. On a controller or a handler.
 */
export const CSRF_EXEMPT_KEY = 'guichet:auth:csrf-exempt';
/**
 * A server-to-server callback that proves itself otherwise (a payment provider's signed webhook): no
 * cookie, no XSRF pair. Never on a route a browser session uses; the route is also `@Public()`.
 */
export const CsrfExempt = (): CustomDecorator => SetMetadata(CSRF_EXEMPT_KEY, true);

export const BackOffice = (): CustomDecorator => SetMetadata(REQUIRED_CHANNEL_KEY, BACK_OFFICE_CHANNEL);

/** Request property holding the principal once the guard has authenticated the request. */
export const PRINCIPAL_PROPERTY = 'guichetPrincipal';

export type AuthenticatedRequest = Request & { [PRINCIPAL_PROPERTY]?: Principal | null };

/** The principal of the request, or null on a public route called signed out. */
export function principalOf(req: Request): Principal | null {
  return (req as AuthenticatedRequest)[PRINCIPAL_PROPERTY] ?? null;
}

/**
 * The signed-in principal. On a `@Public()` route it may be absent: then the route gets a 401 when
 * `optional` is not set, so a handler never mistakes an anonymous call for someone.
 */
export const CurrentUser = createParamDecorator((options: { optional?: boolean } | undefined, ctx: ExecutionContext): Principal | null => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (principal === null && !options?.optional) throw new UnauthorizedException();
  return principal;
});
