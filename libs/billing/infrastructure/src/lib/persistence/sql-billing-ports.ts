import { InvoiceHistory, PayerDirectory, ProcessedGatewayEvents, ProductTaxRates, type HistoryRecord } from '@guichet/billing/application';
import { InvoiceNumberSequence, type NumberSeries, type TaxRates } from '@guichet/billing/domain';
import { SearchAccounts, type AccountListItem, type Page } from '@guichet/accounts/contracts';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

/**
 * Gapless numbers: the counter row is bumped inside the issuing transaction, so concurrent issues wait
 * for each other on the row lock, and a rolled-back issue takes its number back with it.
 */
@Injectable()
export class SqlInvoiceNumberSequence extends InvoiceNumberSequence {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async next(series: NumberSeries, year: number): Promise<number> {
    const [row]: { last: number }[] = await this.unitOfWork.transactionManager('InvoiceNumberSequence.next').query(
      `INSERT INTO billing.invoice_number_counters (series, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (series, year) DO UPDATE SET last = billing.invoice_number_counters.last + 1
       RETURNING last`,
      [series, year],
    );
    return row.last;
  }
}

@Injectable()
export class SqlInvoiceHistory extends InvoiceHistory {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async append(invoiceId: string, record: HistoryRecord): Promise<void> {
    await this.unitOfWork
      .transactionManager('InvoiceHistory.append')
      .query(`INSERT INTO billing.invoice_history (invoice_id, at, action, actor, amount_cents, details) VALUES ($1, $2, $3, $4, $5, $6)`, [
        invoiceId,
        record.at,
        record.action,
        record.actor,
        record.amountCents,
        record.details,
      ]);
  }
}

@Injectable()
export class SqlProcessedGatewayEvents extends ProcessedGatewayEvents {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async markProcessed(eventId: string, type: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.unitOfWork
      .transactionManager('ProcessedGatewayEvents.markProcessed')
      .query(
        `INSERT INTO billing.processed_gateway_events (event_id, type, processed_at) VALUES ($1, $2, $3)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [eventId, type, at],
      );
    return rows.length === 1;
  }
}

@Injectable()
export class SqlProductTaxRates extends ProductTaxRates {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async ratesFor(productCodes: readonly string[]): Promise<ReadonlyMap<string, TaxRates>> {
    if (productCodes.length === 0) return new Map();
    const rows: { product_code: string; gst_milli_percent: number; qst_milli_percent: number }[] = await this.unitOfWork.manager.query(
      `SELECT product_code, gst_milli_percent, qst_milli_percent FROM billing.product_taxes WHERE product_code = ANY ($1::text[])`,
      [[...productCodes]],
    );
    return new Map(rows.map((r) => [r.product_code, { gstMilliPercent: r.gst_milli_percent, qstMilliPercent: r.qst_milli_percent }]));
  }

  async set(productCode: string, rates: TaxRates, actorId: string, now: Date): Promise<void> {
    await this.unitOfWork.manager.query(
      `INSERT INTO billing.product_taxes (product_code, gst_milli_percent, qst_milli_percent, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (product_code) DO UPDATE SET gst_milli_percent = $2, qst_milli_percent = $3, updated_by = $4, updated_at = $5`,
      [productCode, rates.gstMilliPercent, rates.qstMilliPercent, actorId, now],
    );
  }
}

/**
 * The payer's account through Accounts' own query (`SearchAccounts`, open to every staff role), with
 * the acting staff member as the actor. No account, or a refusal: the invoice has no portal owner.
 */
@Injectable()
export class QueryBusPayerDirectory extends PayerDirectory {
  private readonly logger = new Logger('Billing');

  constructor(private readonly queries: QueryBus) {
    super();
  }

  async findAccountIdByEmail(email: string, actorId: string): Promise<string | null> {
    const wanted = email.trim().toLowerCase();
    try {
      const page: Page<AccountListItem> = await this.queries.execute(new SearchAccounts(actorId, { text: wanted, page: 1, pageSize: 20 }));
      return page.items.find((item) => item.email.toLowerCase() === wanted)?.accountId ?? null;
    } catch (error) {
      this.logger.warn(`Payer lookup by e-mail failed (${(error as Error)?.name}); the invoice is issued without a portal account`);
      return null;
    }
  }
}
