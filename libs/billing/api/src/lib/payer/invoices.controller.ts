import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CancelPendingPayment,
  CapturePaypalPayment,
  GetInvoice,
  GetInvoicePdf,
  GetPayment,
  ListMyInvoices,
  OpenCardCheckout,
  PayByCard,
  StartPaypalPayment,
  type InvoiceDetail,
  type InvoiceSummary,
  type PaymentView,
} from '@guichet/billing/contracts';
import { CurrentUser, type Principal } from '@guichet/shared/auth';
import { BillingIdPipe as Id } from '../shared/billing-api.errors';
import { actorOf, attachment } from '../shared/billing-request';
import { CardCheckoutRequest, CardPaymentRequest, PaypalPaymentRequest } from './payer.request.dto';

/**
 * « Mes factures »: the caller's own invoices, receipts and payments. Another payer's invoice or
 * payment answers 404 (`BILLING.INVOICE_NOT_FOUND` / `BILLING.PAYMENT_NOT_FOUND`), as if it did not exist.
 */
@ApiTags('billing')
@Controller('billing')
export class PayerBillingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('invoices')
  @ApiOkResponse({ description: 'The caller\'s invoices and credit notes, newest first.' })
  list(@CurrentUser() me: Principal): Promise<readonly InvoiceSummary[]> {
    return this.queries.execute(new ListMyInvoices(me.accountId));
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

  /** Where to send the browser to type the card: the provider's hosted page, never ours. */
  @Post('invoices/:id/card-checkout')
  @HttpCode(200)
  cardCheckout(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: CardCheckoutRequest): Promise<{ url: string }> {
    return this.commands.execute(new OpenCardCheckout(actorOf(me), id, body.lang));
  }

  @Post('invoices/:id/card-payments')
  payByCard(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: CardPaymentRequest): Promise<PaymentView> {
    return this.commands.execute(new PayByCard(actorOf(me), id, body.token, body.idempotencyKey));
  }

  @Post('invoices/:id/paypal-payments')
  paypal(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: PaypalPaymentRequest): Promise<{ paymentId: string; approveUrl: string }> {
    return this.commands.execute(new StartPaypalPayment(actorOf(me), id, body.idempotencyKey, body.lang));
  }

  @Get('payments/:id')
  payment(@CurrentUser() me: Principal, @Param('id', Id) id: string): Promise<PaymentView> {
    return this.queries.execute(new GetPayment(actorOf(me), id));
  }

  @Post('payments/:id/paypal-capture')
  @HttpCode(200)
  capture(@CurrentUser() me: Principal, @Param('id', Id) id: string): Promise<PaymentView> {
    return this.commands.execute(new CapturePaypalPayment(actorOf(me), id));
  }

  @Post('payments/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() me: Principal, @Param('id', Id) id: string): Promise<PaymentView> {
    return this.commands.execute(new CancelPendingPayment(actorOf(me), id));
  }
}
