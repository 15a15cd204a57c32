export { CARD_REQUESTS_TRANSLATIONS, CardRequestsTranslatePipe, type CardRequestsKey } from './lib/card-requests.translations';
export { CARD_REQUEST_PATHS } from './lib/shared/card-request-paths';
export { portalCardRequestRoutes, portalCardVerificationRoutes } from './lib/card-requests.routes';
