import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { RETURN_PARAM } from './return-url';
import { SessionStore } from './session.store';

/** Routes needing a session send a signed-out visitor to the sign-in page, and back afterwards. */
export function sessionGuard(signInPath: string): CanActivateFn {
  return (_route, state) => {
    if (inject(SessionStore).signedIn()) return true;
    return inject(Router).createUrlTree([signInPath], { queryParams: { [RETURN_PARAM]: state.url } });
  };
}
