export { CardRequestsApiModule, type CardRequestsApiOptions } from './lib/card-requests-api.module';
export {
  CARD_REQUESTS_AUTHORIZATION_MATRIX,
  CARD_REQUESTS_AUDIENCES,
  type CardRequestsAudience,
} from './lib/card-requests.authorization-matrix';
