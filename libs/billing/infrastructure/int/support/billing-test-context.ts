import {
  GatewayUnavailable,
  PaymentGateway,
  type CreateChargeRequest,
  type CreatePaypalOrderRequest,
  type GatewayCharge,
  type GatewayPaypalOrder,
  type GatewayRefund,
  type HostedCardPageRequest,
  type RefundRequest,
} from '@guichet/billing/application';
import { AppConfig, loadAppConfig } from '@guichet/shared/config';
import { MailModule, mailMigrations } from '@guichet/shared/mail';
import { MessagingModule, messagingMigrations } from '@guichet/shared/messaging';
import { PersistenceModule } from '@guichet/shared/persistence';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { BillingInfrastructureModule, billingMigrations } from '../../src';

export const PUBLIC_URL = 'https://guichet.test';

@Global()
@Module({})
class TestConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: TestConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

export { createTestDatabase } from '@guichet/shared/persistence/testing';

/**
 * A provider that counts what it is asked, answers after a short delay (so concurrent requests really
 * overlap), and behaves like the sandbox's idempotency: the same key gives the same charge.
 */
export class CountingPaymentGateway extends PaymentGateway {
  readonly charges: { request: CreateChargeRequest; key: string }[] = [];
  readonly refunds: { request: RefundRequest; key: string }[] = [];
  private readonly byKey = new Map<string, GatewayCharge>();
  /** `processing` (callback later), `succeeded`, `failed`, `network`. */
  chargeOutcome: 'processing' | 'succeeded' | 'failed' | 'network' = 'processing';
  refundOutcome: 'succeeded' | 'network' = 'succeeded';
  delayMs = 30;
  private n = 0;

  hostedCardPageUrl(request: HostedCardPageRequest): string {
    return `https://provider.test/hosted/card?amount=${request.amountCents}&return_url=${encodeURIComponent(request.returnUrl)}`;
  }

  async createCharge(request: CreateChargeRequest, key: string): Promise<GatewayCharge> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.chargeOutcome === 'network') throw new GatewayUnavailable('502');
    const known = this.byKey.get(key);
    if (known) return known;
    this.charges.push({ request, key });
    const charge: GatewayCharge = {
      id: `ch_${++this.n}`,
      status: this.chargeOutcome,
      amountCents: request.amountCents,
      reference: request.reference,
      brand: 'visa',
      last4: '4242',
      nextActionUrl: null,
      failureCode: this.chargeOutcome === 'failed' ? 'card_declined' : null,
    };
    this.byKey.set(key, charge);
    return charge;
  }

  async getCharge(chargeId: string): Promise<GatewayCharge> {
    const found = [...this.byKey.values()].find((c) => c.id === chargeId);
    if (!found) throw new Error('unknown charge');
    return found;
  }

  async createPaypalOrder(request: CreatePaypalOrderRequest): Promise<GatewayPaypalOrder> {
    return { id: `PP-${++this.n}`, status: 'CREATED', amountCents: request.amountCents, reference: request.reference, approveUrl: 'https://provider.test/paypal', payerLabel: null };
  }

  async capturePaypalOrder(orderId: string): Promise<GatewayPaypalOrder> {
    return { id: orderId, status: 'COMPLETED', amountCents: 0, reference: '', approveUrl: null, payerLabel: 'p***@exemple.test' };
  }

  async refund(request: RefundRequest, key: string): Promise<GatewayRefund> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.refundOutcome === 'network') throw new GatewayUnavailable('502');
    this.refunds.push({ request, key });
    return { id: `re_${++this.n}`, status: 'succeeded', amountCents: request.amountCents };
  }
}

/** The api's wiring of Billing on a fresh database, with the counting provider in place of the HTTP one. */
export async function startBillingContext(databaseUrl: string, gateway: PaymentGateway): Promise<TestingModule> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL,
    SESSION_SECRET: `billing-int-${Math.random().toString(36).slice(2)}-${Date.now()}`,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      TestConfigModule.with(config),
      PersistenceModule.forRoot({ url: databaseUrl, migrations: [...messagingMigrations, ...mailMigrations, ...billingMigrations], poolSize: 12 }),
      MessagingModule.forRoot({ role: 'api', redisUrl: '' }),
      MailModule.forRoot({ role: 'api' }),
      CqrsModule.forRoot(),
      BillingInfrastructureModule,
    ],
  })
    .overrideProvider(PaymentGateway)
    .useValue(gateway)
    .compile();
  moduleRef.useLogger(process.env['TEST_LOGS'] ? ['log', 'warn', 'error'] : ['error']);
  await moduleRef.init();
  return moduleRef;
}
