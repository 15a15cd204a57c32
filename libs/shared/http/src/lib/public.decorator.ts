import { SetMetadata, type CustomDecorator } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'guichet:auth:public';

/**
 * Opts a route (or a controller) out of the global authentication guard of `@guichet/shared/auth`
 * (CSRF still applies). Declared here, below the auth lib, so that the foundation's own routes (health,
 * metrics) can be public without the http lib depending on auth.
 */
export const Public = (): CustomDecorator => SetMetadata(IS_PUBLIC_KEY, true);
