import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ExportInvoicesCsv,
  ExportPaymentsCsv,
  GetInvoice,
  GetInvoicePdf,
  GetReconciliation,
  IssueManualInvoice,
  ListHeldPayments,
  RecordManualPayment,
  RefundPayment,
  SearchInvoices,
  type InvoiceDetail,
  type InvoiceSummary,
  type PaymentView,
  type Reconciliation,
  type RefundView,
} from '@guichet/billing/contracts';
import { BackOffice, CurrentUser, Roles, type Principal } from '@guichet/shared/auth';
import { BillingIdPipe as Id } from '../shared/billing-api.errors';
import { actorOf, attachment } from '../shared/billing-request';
import { DateRangeRequest, InvoiceSearchRequest, ManualInvoiceRequest, ReconciliationRequest, RecordPaymentRequest, RefundRequest } from './finance.request.dto';

/** The finance desk (back-office, role `finance`): invoices, payments received, refunds, reconciliation, exports. */
@ApiTags('billing-finance')
@BackOffice()
@Roles('finance')
@Controller('billing/finance')
export class FinanceDeskController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('invoices')
  search(@Query() query: InvoiceSearchRequest): Promise<{ items: readonly InvoiceSummary[]; total: number }> {
    return this.queries.execute(new SearchInvoices({ ...query }));
  }

  /** « Nouvelle facture »: billed by the desk itself (service `manual`); the payer's account is found by e-mail. */
  @Post('invoices')
  issue(@CurrentUser() me: Principal, @Body() body: ManualInvoiceRequest): Promise<{ invoiceId: string; number: string }> {
    return this.commands.execute(
      new IssueManualInvoice(
        me.accountId,
        body.payerEmail,
        body.lang,
        {
          kind: body.billTo.kind,
          name: body.billTo.name,
          attention: body.billTo.attention ?? null,
          address: { ...body.billTo.address, line2: body.billTo.address.line2 ?? null, province: body.billTo.address.province ?? null },
        },
        body.lines,
        body.method,
        body.idempotencyKey ?? null,
      ),
    );
  }

  @Get('invoices/:id')
  get(@CurrentUser() me: Principal, @Param('id', Id) id: string): Promise<InvoiceDetail> {
    return this.queries.execute(new GetInvoice(actorOf(me), id));
  }

  @Get('invoices/:id/pdf')
  @ApiProduces('application/pdf')
  async pdf(@CurrentUser() me: Principal, @Param('id', Id) id: string): Promise<StreamableFile> {
    const { filename, content } = await this.queries.execute(new GetInvoicePdf(actorOf(me), id));
    return new StreamableFile(Buffer.from(content), { type: 'application/pdf', disposition: attachment(filename), length: content.length });
  }

  /** « Enregistrer un paiement »: a cheque or a direct deposit arrived. */
  @Post('invoices/:id/payments')
  recordPayment(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: RecordPaymentRequest): Promise<PaymentView> {
    return this.commands.execute(new RecordManualPayment(me.accountId, id, body.method, body.amountCents, body.receivedOn, body.reference));
  }

  @Post('payments/:id/refunds')
  refund(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: RefundRequest): Promise<RefundView> {
    return this.commands.execute(new RefundPayment(me.accountId, id, body.amountCents, body.reason, body.idempotencyKey));
  }

  /** Payments confirmed after their order expired or their invoice was canceled: never applied, waiting for a decision. */
  @Get('held-payments')
  held(): Promise<readonly (PaymentView & { invoiceNumber: string })[]> {
    return this.queries.execute(new ListHeldPayments());
  }

  @Get('reconciliation')
  reconciliation(@Query() query: ReconciliationRequest): Promise<Reconciliation> {
    return this.queries.execute(new GetReconciliation(query.date));
  }

  @Get('exports/invoices.csv')
  @HttpCode(200)
  @ApiProduces('text/csv')
  async exportInvoices(@Query() query: DateRangeRequest): Promise<StreamableFile> {
    const csv = await this.queries.execute(new ExportInvoicesCsv(query.from, query.to));
    return csvFile(csv, `factures_${query.from}_${query.to}.csv`);
  }

  @Get('exports/payments.csv')
  @HttpCode(200)
  @ApiProduces('text/csv')
  async exportPayments(@Query() query: DateRangeRequest): Promise<StreamableFile> {
    const csv = await this.queries.execute(new ExportPaymentsCsv(query.from, query.to));
    return csvFile(csv, `paiements_${query.from}_${query.to}.csv`);
  }
}

function csvFile(csv: string, filename: string): StreamableFile {
  const bytes = Buffer.from(csv, 'utf8');
  return new StreamableFile(bytes, { type: 'text/csv; charset=utf-8', disposition: attachment(filename), length: bytes.length });
}
