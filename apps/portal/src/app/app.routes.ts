import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Routes } from '@angular/router';
import { SessionStore, sessionGuard } from '@guichet/portal/accounts/data-access';
import { ACCOUNT_PATHS, portalAccountRoutes } from '@guichet/portal/accounts/feature';
import { portalBillingRoutes } from '@guichet/portal/billing/feature';
import { portalCardRequestRoutes, portalCardVerificationRoutes } from '@guichet/portal/card-requests/feature';
import { notFoundRoute } from '@guichet/shared/ui';
import { HomePage } from './home/home.page';

/** « Sessions » is the trainers' (role `trainer`); anyone else signed in goes home (the API refuses them too). */
const trainerOnly: CanActivateFn = () =>
  inject(SessionStore).me()?.roles.includes('trainer') ? true : inject(Router).createUrlTree(['/']);

/** Route titles are translation keys (see the kit's TranslatedTitleStrategy). */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', title: 'common.home', component: HomePage },
  ...portalAccountRoutes,
  // « Mes factures »: signed-in only (Billing's web code may not import Accounts', so the guard is put here).
  { path: '', canActivateChild: [sessionGuard(ACCOUNT_PATHS.signIn)], children: portalBillingRoutes },
  // « Sessions » (card requests): signed-in trainers only; the public card verification needs no session.
  { path: '', canActivateChild: [sessionGuard(ACCOUNT_PATHS.signIn), trainerOnly], children: portalCardRequestRoutes },
  ...portalCardVerificationRoutes,
  notFoundRoute,
];
