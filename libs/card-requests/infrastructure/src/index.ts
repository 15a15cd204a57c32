export * from './lib/documents';
export { CardRequestsInfrastructureModule } from './lib/card-requests-infrastructure.module';
export {
  cardRequestsMigrations,
  CreateCardRequestsSchema1764400000000,
  CARD_REQUESTS_UNIQUE_INDEXES,
  SEEDED_INSTITUTIONS,
} from './lib/card-requests.migration';
export { TypeOrmCardRequestRepository } from './lib/persistence/typeorm-card-request.repository';
export { cardRequestsIntegrationEvents } from './lib/persistence/card-requests-integration-events';
export {
  ConfigCardRequestLinkSettings,
  CryptoVerificationCodeGenerator,
  QueryBusTrainerRegistry,
  SqlCardRequestHistory,
  SqlCardRequestSequences,
  SqlReferenceDataStore,
} from './lib/persistence/sql-card-requests-ports';
export { SqlCardRequestReadModel } from './lib/read-model/sql-card-request-read-model';
