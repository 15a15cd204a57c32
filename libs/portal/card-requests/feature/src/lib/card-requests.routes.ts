import type { Routes } from '@angular/router';
import { RequestStore } from './request/request.store';

// Pages load on demand: the portal's first load stays within budget.
const sessions = () => import('./sessions/sessions.page').then((m) => m.SessionsPage);
const request = () => import('./request/request.page').then((m) => m.RequestPage);
const sessionTab = () => import('./request/session-tab.page').then((m) => m.SessionTabPage);
const participantsTab = () => import('./request/participants-tab.page').then((m) => m.ParticipantsTabPage);
const participant = () => import('./request/participant.page').then((m) => m.ParticipantPage);
const paymentTab = () => import('./request/payment-tab.page').then((m) => m.PaymentTabPage);
const verification = () => import('./verification/verification.page').then((m) => m.VerificationPage);

/**
 * The trainer's pages under `/cartes/sessions` (see CARD_REQUEST_PATHS). The app puts them behind
 * Accounts' session guard and its trainer check, since this context's web code may not import
 * Accounts'. One RequestStore for the request pages (a new request keeps it once saved). Titles are
 * translation keys (the kit's TranslatedTitleStrategy).
 */
export const portalCardRequestRoutes: Routes = [
  {
    path: 'cartes/sessions',
    providers: [RequestStore],
    children: [
      { path: '', pathMatch: 'full', title: 'cards.sessions.title', loadComponent: sessions },
      {
        path: 'nouvelle',
        title: 'cards.request.newTitle',
        loadComponent: request,
        children: [{ path: '', loadComponent: sessionTab }],
      },
      {
        path: ':id',
        title: 'cards.request.pageTitle',
        loadComponent: request,
        children: [
          { path: '', pathMatch: 'full', loadComponent: sessionTab },
          { path: 'participants', title: 'cards.tabs.participants', loadComponent: participantsTab },
          { path: 'participants/nouveau', title: 'cards.participant.title', loadComponent: participant },
          { path: 'participants/:pid', title: 'cards.participant.title', loadComponent: participant },
          { path: 'paiement', title: 'cards.tabs.payment', loadComponent: paymentTab },
        ],
      },
    ],
  },
];

/** Public: `/verification` (« Code de vérification ») and `/verification/:code`. */
export const portalCardVerificationRoutes: Routes = [
  { path: 'verification', title: 'cards.verify.title', loadComponent: verification },
  { path: 'verification/:code', title: 'cards.verify.title', loadComponent: verification },
];
