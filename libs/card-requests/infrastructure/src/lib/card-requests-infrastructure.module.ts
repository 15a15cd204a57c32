import {
  CARD_REQUESTS_HANDLERS,
  CardRequestHistory,
  CardRequestLinkSettings,
  CardRequestReadModel,
  ReferenceDataStore,
  TrainerRegistry,
  VerificationCodeGenerator,
} from '@guichet/card-requests/application';
import { CardRequestRepository, CardRequestSequences } from '@guichet/card-requests/domain';
import { Clock, SystemClock } from '@guichet/shared/kernel';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CardRequestsDocumentsModule } from './documents';
import {
  ConfigCardRequestLinkSettings,
  CryptoVerificationCodeGenerator,
  QueryBusTrainerRegistry,
  SqlCardRequestHistory,
  SqlCardRequestSequences,
  SqlReferenceDataStore,
} from './persistence/sql-card-requests-ports';
import { TypeOrmCardRequestRepository } from './persistence/typeorm-card-request.repository';
import { SqlCardRequestReadModel } from './read-model/sql-card-request-read-model';

/** The ports of the context, each bound to its adapter; exported for `libs/card-requests/api`. */
const PORTS = [
  { provide: CardRequestRepository, useClass: TypeOrmCardRequestRepository },
  { provide: CardRequestSequences, useClass: SqlCardRequestSequences },
  { provide: CardRequestHistory, useClass: SqlCardRequestHistory },
  { provide: ReferenceDataStore, useClass: SqlReferenceDataStore },
  { provide: VerificationCodeGenerator, useClass: CryptoVerificationCodeGenerator },
  { provide: TrainerRegistry, useClass: QueryBusTrainerRegistry },
  { provide: CardRequestReadModel, useClass: SqlCardRequestReadModel },
  { provide: CardRequestLinkSettings, useClass: ConfigCardRequestLinkSettings },
  { provide: Clock, useClass: SystemClock },
];

/**
 * Card requests on PostgreSQL: the command and query handlers and the integration-event consumers of
 * `@guichet/card-requests/application`, their ports bound to this lib's adapters, and the documents
 * (cards PDF, mail templates). The api and the worker both import it.
 *
 * The app must import, once: `CqrsModule.forRoot()`, `AppConfigModule.forRoot()`, `PersistenceModule`
 * (with `cardRequestsMigrations` after Billing's), `MessagingModule`, `MailModule`, Accounts (the trainer
 * registry asks `GetProfile` and `FindTrainerByCardNumber`) and Billing (`IssueInvoice`, `CancelInvoice`,
 * `GetInvoicePdf` on the buses).
 */
@Module({
  imports: [CqrsModule, CardRequestsDocumentsModule],
  providers: [...PORTS, ...CARD_REQUESTS_HANDLERS],
  exports: PORTS.map((port) => port.provide),
})
export class CardRequestsInfrastructureModule {}
