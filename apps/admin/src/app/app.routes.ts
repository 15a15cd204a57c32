import type { Routes } from '@angular/router';
import { adminAccountRoutes } from '@guichet/admin/accounts/feature';
import { adminBillingRoutes } from '@guichet/admin/billing/feature';
import { adminCardRequestsRoutes } from '@guichet/admin/card-requests/feature';
import { backOfficeAccountRoutes } from '@guichet/portal/accounts/feature';
import { notFoundRoute } from '@guichet/shared/ui';
import { HomePage } from './home/home.page';

/** Route titles are translation keys (see the kit's TranslatedTitleStrategy). */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', title: 'common.home', component: HomePage },
  ...backOfficeAccountRoutes,
  ...adminAccountRoutes,
  ...adminBillingRoutes,
  ...adminCardRequestsRoutes,
  notFoundRoute,
];
