// Only what the app needs at start: the pages and their words load lazily (see card-desk.routes.ts).
export { ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS, type AdminCardRequestsNavKey } from './lib/card-desk-nav.translations';
export { ADMIN_CARD_REQUESTS_PATHS, adminCardRequestsRoutes } from './lib/admin-card-requests.routes';
export { CARD_DESK_ACCESS, cardDeskGuard, type CardDeskAccess } from './lib/card-desk-access';
export { AdminCardDeskNavComponent } from './lib/card-desk-nav.component';
