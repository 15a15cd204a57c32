import type { Routes } from '@angular/router';
import { sessionGuard } from '@guichet/portal/accounts/data-access';
import { ACCOUNT_PATHS, portalAccountRoutes } from '@guichet/portal/accounts/feature';
import { portalBillingRoutes } from '@guichet/portal/billing/feature';
import { notFoundRoute } from '@guichet/shared/ui';
import { HomePage } from './home/home.page';

/** Route titles are translation keys (see the kit's TranslatedTitleStrategy). */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', title: 'common.home', component: HomePage },
  ...portalAccountRoutes,
  // « Mes factures »: signed-in only (Billing's web code may not import Accounts', so the guard is put here).
  { path: '', canActivateChild: [sessionGuard(ACCOUNT_PATHS.signIn)], children: portalBillingRoutes },
  notFoundRoute,
];
