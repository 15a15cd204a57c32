import '@angular/compiler';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, TestComponentRenderer } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { toApiProblem } from './api-problem';
import { BillingApi } from './billing.api';
import type { InvoiceSummary, PaymentView } from './billing.models';

const summary: InvoiceSummary = {
  id: 'inv-1',
  number: 'F-2026-000123',
  kind: 'invoice',
  status: 'issued',
  issuedAt: '2026-03-02T14:00:00.000Z',
  reference: { service: 'card-requests', id: 'req-9' },
  billToName: 'Léa Tremblay',
  payerEmail: 'parent@exemple.test',
  method: 'card',
  totalCents: 1_150,
  balanceCents: 1_150,
  originalInvoiceNumber: null,
};

const payment: PaymentView = {
  id: 'pay-1',
  invoiceId: 'inv-1',
  method: 'card',
  state: 'pending',
  amountCents: 1_150,
  refundedCents: 0,
  createdAt: '2026-03-02T14:05:00.000Z',
  confirmedAt: null,
  label: 'visa •••• 4242',
  nextActionUrl: null,
  failureCode: null,
  heldForStaff: false,
};

describe('BillingApi', () => {
  let api: BillingApi;
  let http: HttpTestingController;

  beforeAll(() => {
    TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        // No DOM under Jest's node environment, and no component is rendered here.
        { provide: TestComponentRenderer, useValue: new TestComponentRenderer() },
      ],
    });
    api = TestBed.inject(BillingApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the payer’s invoices', async () => {
    const answer = api.invoices();
    const request = http.expectOne('/api/billing/invoices');
    expect(request.request.method).toBe('GET');
    request.flush([summary]);
    expect(await answer).toEqual([summary]);
  });

  it('reads one invoice, its id escaped in the path', async () => {
    const answer = api.invoice('inv/1?x');
    const request = http.expectOne('/api/billing/invoices/inv%2F1%3Fx');
    expect(request.request.method).toBe('GET');
    request.flush({ ...summary, lines: [] });
    expect((await answer).number).toBe('F-2026-000123');
  });

  it('links the PDF on the API', () => {
    expect(api.pdfUrl('inv-1')).toBe('/api/billing/invoices/inv-1/pdf');
  });

  it('asks for the hosted card page in the screen’s language', async () => {
    const answer = api.startCardCheckout('inv-1', 'en');
    const request = http.expectOne('/api/billing/invoices/inv-1/card-checkout');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ lang: 'en' });
    request.flush({ url: 'http://127.0.0.1:4400/hosted/card?pk=pk' });
    expect(await answer).toEqual({ url: 'http://127.0.0.1:4400/hosted/card?pk=pk' });
  });

  it('sends only the provider’s token and the idempotency key for a card payment', async () => {
    const answer = api.payByCard('inv-1', 'tok_abc', 'key-1');
    const request = http.expectOne('/api/billing/invoices/inv-1/card-payments');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: 'tok_abc', idempotencyKey: 'key-1' });
    request.flush(payment);
    expect(await answer).toEqual(payment);
  });

  it('starts, captures and cancels a PayPal payment', async () => {
    const started = api.startPaypal('inv-1', 'key-2', 'fr');
    const start = http.expectOne('/api/billing/invoices/inv-1/paypal-payments');
    expect(start.request.method).toBe('POST');
    expect(start.request.body).toEqual({ idempotencyKey: 'key-2', lang: 'fr' });
    start.flush({ paymentId: 'pay-2', approveUrl: 'http://127.0.0.1:4400/paypal/checkout/PP-1' });
    expect(await started).toEqual({ paymentId: 'pay-2', approveUrl: 'http://127.0.0.1:4400/paypal/checkout/PP-1' });

    const captured = api.capturePaypal('pay-2');
    const capture = http.expectOne('/api/billing/payments/pay-2/paypal-capture');
    expect(capture.request.method).toBe('POST');
    capture.flush({ ...payment, id: 'pay-2', method: 'paypal', state: 'confirmed' });
    expect((await captured).state).toBe('confirmed');

    const canceled = api.cancelPayment('pay-2');
    const cancel = http.expectOne('/api/billing/payments/pay-2/cancel');
    expect(cancel.request.method).toBe('POST');
    cancel.flush({ ...payment, id: 'pay-2', method: 'paypal', state: 'canceled' });
    expect((await canceled).state).toBe('canceled');
  });

  it('reads a payment’s state', async () => {
    const answer = api.payment('pay-1');
    const request = http.expectOne('/api/billing/payments/pay-1');
    expect(request.request.method).toBe('GET');
    request.flush({ ...payment, state: 'confirmed' });
    expect((await answer).state).toBe('confirmed');
  });

  it('turns a refusal into a coded problem with its translated detail', async () => {
    const answer = api.payByCard('inv-1', 'tok_abc', 'key-1');
    http.expectOne('/api/billing/invoices/inv-1/card-payments').flush(
      {
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        code: 'BILLING.CARD_MINIMUM',
        detail: 'Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $',
        errors: [{ field: 'token', code: 'X', message: 'Jeton invalide' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    const problem = await answer.then(
      () => null,
      (error: unknown) => toApiProblem(error),
    );
    expect(problem).toEqual({
      status: 422,
      code: 'BILLING.CARD_MINIMUM',
      detail: 'Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $',
      errors: [{ field: 'token', code: 'X', message: 'Jeton invalide' }],
    });
  });

  it('reads a network failure as status 0 without a detail', async () => {
    const answer = api.payment('pay-1');
    http.expectOne('/api/billing/payments/pay-1').error(new Event('error') as ProgressEvent); // no ProgressEvent in node
    const problem = await answer.then(
      () => null,
      (error: unknown) => toApiProblem(error),
    );
    expect(problem).toEqual({ status: 0, code: 'HTTP.0', detail: null, errors: [] });
  });
});
