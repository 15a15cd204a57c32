export * from './lib/gateway';
export * from './lib/documents';
export { BillingInfrastructureModule } from './lib/billing-infrastructure.module';
export { billingMigrations, CreateBillingSchema1764300000000, BILLING_UNIQUE_INDEXES } from './lib/billing.migration';
export { TypeOrmInvoiceRepository } from './lib/persistence/typeorm-invoice.repository';
export { TypeOrmPaymentRepository } from './lib/persistence/typeorm-payment.repository';
export { TypeOrmRefundRepository } from './lib/persistence/typeorm-refund.repository';
export {
  QueryBusPayerDirectory,
  SqlInvoiceHistory,
  SqlInvoiceNumberSequence,
  SqlProcessedGatewayEvents,
  SqlProductTaxRates,
} from './lib/persistence/sql-billing-ports';
export { SqlBillingReadModel } from './lib/read-model/sql-billing-read-model';
