import { DOCUMENT, inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { AccountsApi } from './accounts.api';
import type { SignInChannel } from './accounts.models';
import { SIGN_IN_CHANNEL, SessionStore } from './session.store';

/**
 * The app's sign-in channel, an `XSRF-TOKEN` cookie before any state-changing call, and the session
 * restored before the first route is guarded. The app provides HttpClient itself with
 * `withXsrfConfiguration({})` (cookie `XSRF-TOKEN`, header `X-XSRF-TOKEN`).
 */
export function provideAccountsSession(channel: SignInChannel): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: SIGN_IN_CHANNEL, useValue: channel },
    provideAppInitializer(async () => {
      const document = inject(DOCUMENT);
      const api = inject(AccountsApi);
      const session = inject(SessionStore);
      if (!/(^|;\s*)XSRF-TOKEN=/.test(document.cookie)) {
        // The page still works signed out if this fails; the next API answer sets the cookie anyway.
        await api.ensureXsrfCookie().catch(() => undefined);
      }
      await session.restore();
    }),
  ]);
}
