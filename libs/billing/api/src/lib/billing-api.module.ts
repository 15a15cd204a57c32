import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FinanceDeskController } from './finance/finance.controller';
import { PayerBillingController } from './payer/invoices.controller';
import { GatewayWebhooksController } from './webhooks/gateway-webhooks.controller';

export interface BillingApiOptions {
  /**
   * The module registering Billing's handlers with their ports bound and exporting
   * `GatewayCallbackVerifier` and `Clock`: `BillingInfrastructureModule` in the app, fakes in tests.
   */
  readonly infrastructure: NonNullable<ModuleMetadata['imports']>[number];
}

/** Billing's HTTP api: « Mes factures » and payments for payers, the finance desk, the provider's callbacks. */
@Module({})
export class BillingApiModule {
  static register(options: BillingApiOptions): DynamicModule {
    return {
      module: BillingApiModule,
      imports: [CqrsModule, options.infrastructure],
      controllers: [PayerBillingController, FinanceDeskController, GatewayWebhooksController],
    };
  }
}
