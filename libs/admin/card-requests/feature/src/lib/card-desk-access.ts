import { InjectionToken, inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';

/**
 * Who may use the card desk. Card requests' web code may not import Accounts' session store, so the
 * app (which holds both) says here whether someone is signed in and which roles they hold. The API
 * checks the roles again on every call.
 */
export interface CardDeskAccess {
  /** A back-office session is open. */
  signedIn(): boolean;
  /** Holds `card-clerk` or `finance`: may read the queue, the requests and the reference data. */
  canRead(): boolean;
  /** Holds `card-clerk`: may produce, ship, cancel, import, reissue and edit the reference data. */
  canAct(): boolean;
  /** The back-office's sign-in page, e.g. `/compte/connexion`. */
  readonly signInPath: string;
  /** The query parameter that carries where to return after signing in (Accounts' `retour`). */
  readonly returnParam: string;
}

/** Closed until the app provides it. */
export const CARD_DESK_ACCESS = new InjectionToken<CardDeskAccess>('CARD_DESK_ACCESS', {
  factory: () => ({ signedIn: () => false, canRead: () => false, canAct: () => false, signInPath: '/compte/connexion', returnParam: 'retour' }),
});

/**
 * Like the finance desk's guard: a signed-out visitor goes to the sign-in page and comes back
 * afterwards; signed-in staff without `card-clerk` or `finance` go to the home page.
 */
export const cardDeskGuard: CanActivateFn = (_route, state) => {
  const access = inject(CARD_DESK_ACCESS);
  const router = inject(Router);
  if (!access.signedIn()) return router.createUrlTree([access.signInPath], { queryParams: { [access.returnParam]: state.url } });
  return access.canRead() ? true : router.createUrlTree(['/']);
};
