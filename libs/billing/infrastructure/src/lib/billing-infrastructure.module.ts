import {
  BILLING_DOCUMENT_HANDLERS,
  BILLING_HANDLERS,
  BillingReadModel,
  BillingUrls,
  GatewayCallbackVerifier,
  InvoiceHistory,
  PayerDirectory,
  PaymentGateway,
  ProcessedGatewayEvents,
  ProductTaxRates,
  PublicBillingUrls,
} from '@guichet/billing/application';
import { InvoiceNumberSequence, InvoiceRepository, PaymentRepository, RefundRepository } from '@guichet/billing/domain';
import { AppConfig } from '@guichet/shared/config';
import { Clock, SystemClock } from '@guichet/shared/kernel';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BillingDocumentsModule } from './documents/billing-documents.module';
import { HmacGatewayCallbackVerifier, HttpPaymentGateway } from './gateway';
import {
  QueryBusPayerDirectory,
  SqlInvoiceHistory,
  SqlInvoiceNumberSequence,
  SqlProcessedGatewayEvents,
  SqlProductTaxRates,
} from './persistence/sql-billing-ports';
import { TypeOrmInvoiceRepository } from './persistence/typeorm-invoice.repository';
import { TypeOrmPaymentRepository } from './persistence/typeorm-payment.repository';
import { TypeOrmRefundRepository } from './persistence/typeorm-refund.repository';
import { SqlBillingReadModel } from './read-model/sql-billing-read-model';

/** The ports of Billing, each bound to its adapter; exported for `libs/billing/api` and the documents module. */
const PORTS = [
  { provide: InvoiceRepository, useClass: TypeOrmInvoiceRepository },
  { provide: PaymentRepository, useClass: TypeOrmPaymentRepository },
  { provide: RefundRepository, useClass: TypeOrmRefundRepository },
  { provide: InvoiceNumberSequence, useClass: SqlInvoiceNumberSequence },
  { provide: InvoiceHistory, useClass: SqlInvoiceHistory },
  { provide: ProcessedGatewayEvents, useClass: SqlProcessedGatewayEvents },
  { provide: ProductTaxRates, useClass: SqlProductTaxRates },
  { provide: BillingReadModel, useClass: SqlBillingReadModel },
  { provide: PayerDirectory, useClass: QueryBusPayerDirectory },
  { provide: Clock, useClass: SystemClock },
  {
    provide: BillingUrls,
    inject: [AppConfig],
    useFactory: (config: AppConfig): BillingUrls => new PublicBillingUrls(config.publicUrl),
  },
  {
    provide: PaymentGateway,
    inject: [AppConfig],
    useFactory: (config: AppConfig): PaymentGateway =>
      new HttpPaymentGateway({
        baseUrl: config.paymentProviderUrl,
        publicUrl: config.paymentProviderPublicUrl,
        secretKey: config.paymentSecretKey,
        publishableKey: config.paymentPublishableKey,
      }),
  },
  {
    provide: GatewayCallbackVerifier,
    inject: [AppConfig],
    useFactory: (config: AppConfig): GatewayCallbackVerifier => new HmacGatewayCallbackVerifier(config.paymentWebhookSecret),
  },
];

/**
 * Billing on PostgreSQL: the command and query handlers of `@guichet/billing/application` on the buses,
 * with their ports bound to this lib's adapters and the payment provider's HTTP adapter, and the
 * documents (PDF, mail templates, the PDF attachment, the mail consumers). The api and the worker
 * both import it.
 *
 * The app must import, once: `CqrsModule.forRoot()`, `AppConfigModule.forRoot()`, `PersistenceModule`
 * (with `billingMigrations` after Accounts' migrations), `MessagingModule`, and Accounts (the payer
 * lookup asks its `SearchAccounts` query).
 */
@Module({
  imports: [CqrsModule, BillingDocumentsModule],
  // The document handlers: the PDF query, and the mail consumers (inert in the api, run by the worker).
  providers: [...PORTS, ...BILLING_HANDLERS, ...BILLING_DOCUMENT_HANDLERS],
  exports: PORTS.map((port) => port.provide),
})
export class BillingInfrastructureModule {}
