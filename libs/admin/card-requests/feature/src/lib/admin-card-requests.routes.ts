import type { Routes } from '@angular/router';
import { cardDeskGuard } from './card-desk-access';

/** The card desk's paths (under the back-office's base href `/admin/`). */
export const ADMIN_CARD_REQUESTS_PATHS = {
  queue: '/cartes',
  request: (requestId: string) => `/cartes/demandes/${encodeURIComponent(requestId)}`,
  participants: '/cartes/participants',
  referenceData: '/cartes/referentiels',
  /** The finance desk's invoice page (Billing's back-office), where cheques and deposits are recorded. */
  financeInvoice: (invoiceId: string) => `/finances/factures/${encodeURIComponent(invoiceId)}`,
} as const;

/**
 * Every page needs a back-office session with `card-clerk` or `finance`; the API checks it again.
 * The pages and their words load with the first visit (the app's initial bundle stays small).
 */
export const adminCardRequestsRoutes: Routes = [
  {
    path: 'cartes',
    canActivate: [cardDeskGuard],
    loadChildren: () => import('./card-desk.routes').then((m) => m.CARD_DESK_PAGES),
  },
];
