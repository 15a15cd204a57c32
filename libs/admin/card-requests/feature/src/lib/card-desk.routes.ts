import type { Routes } from '@angular/router';

/** The card desk's pages, loaded lazily under `cartes` (see `adminCardRequestsRoutes`). */
export const CARD_DESK_PAGES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'adminCards.queue.title',
    loadComponent: () => import('./queue/queue.page').then((m) => m.CardQueuePage),
  },
  {
    path: 'demandes/:id',
    title: 'adminCards.request.title',
    loadComponent: () => import('./request-detail/request-detail.page').then((m) => m.CardRequestDetailPage),
  },
  {
    path: 'participants',
    title: 'adminCards.participants.title',
    loadComponent: () => import('./participants/participant-search.page').then((m) => m.ParticipantSearchPage),
  },
  {
    path: 'referentiels',
    title: 'adminCards.reference.title',
    loadComponent: () => import('./reference-data/reference-data.page').then((m) => m.ReferenceDataPage),
  },
];
