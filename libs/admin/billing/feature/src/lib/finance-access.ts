import { InjectionToken, inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';

/**
 * Who may use the finance desk. Billing's web code may not import Accounts' session store, so the
 * app (which holds both) says here whether someone is signed in and holds the `finance` role.
 * The API checks the role again on every call.
 */
export interface FinanceDeskAccess {
  /** A back-office session is open. */
  signedIn(): boolean;
  /** The signed-in person holds the `finance` role. */
  isFinance(): boolean;
  /** The back-office's sign-in page, e.g. `/compte/connexion`. */
  readonly signInPath: string;
  /** The query parameter that carries where to return after signing in (Accounts' `retour`). */
  readonly returnParam: string;
}

/** Closed until the app provides it. */
export const FINANCE_DESK_ACCESS = new InjectionToken<FinanceDeskAccess>('FINANCE_DESK_ACCESS', {
  factory: () => ({ signedIn: () => false, isFinance: () => false, signInPath: '/compte/connexion', returnParam: 'retour' }),
});

/**
 * Like the Accounts pages' `sessionGuard`: a signed-out visitor goes to the sign-in page and comes
 * back afterwards; signed-in staff without the `finance` role go to the home page.
 */
export const financeGuard: CanActivateFn = (_route, state) => {
  const access = inject(FINANCE_DESK_ACCESS);
  const router = inject(Router);
  if (!access.signedIn()) return router.createUrlTree([access.signInPath], { queryParams: { [access.returnParam]: state.url } });
  return access.isFinance() ? true : router.createUrlTree(['/']);
};
