// Angular's libraries are partly compiled: the JIT compiler finishes them when a spec loads them.
import '@angular/compiler';
import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  ErrorHandler,
  Injector,
  createEnvironmentInjector,
  provideZonelessChangeDetection,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
  type EnvironmentInjector,
} from '@angular/core';
import { toApiProblem } from '@guichet/shared/web-http';
import type { InvoiceDetail, PaymentView } from './billing.models';
import { FinanceApi } from './finance-api.service';

/**
 * A root injector without TestBed: TestBed's platform needs a DOM, and these specs run in node.
 * INJECTOR_SCOPE 'root' lets `providedIn: 'root'` services (HttpClient's PendingTasks) resolve here.
 */
function rootInjector(): EnvironmentInjector {
  return createEnvironmentInjector(
    [
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      { provide: ErrorHandler, useValue: new ErrorHandler() },
      provideZonelessChangeDetection(),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
    Injector.create({ providers: [] }) as EnvironmentInjector,
  );
}

const payment: PaymentView = {
  id: 'pay-1',
  invoiceId: 'inv/1',
  method: 'cheque',
  state: 'confirmed',
  amountCents: 1234,
  refundedCents: 0,
  createdAt: '2026-03-02T15:00:00Z',
  confirmedAt: '2026-03-02T15:00:00Z',
  label: '000123',
  nextActionUrl: null,
  failureCode: null,
  heldForStaff: false,
};

describe('FinanceApi', () => {
  let injector: EnvironmentInjector;
  let api: FinanceApi;
  let http: HttpTestingController;

  beforeEach(() => {
    injector = rootInjector();
    api = injector.get(FinanceApi);
    http = injector.get(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    injector.destroy();
  });

  it('searches invoices with only the filters that are set', async () => {
    const result = api.searchInvoices({ status: 'issued', method: 'cheque', from: '2026-03-01', to: '', payer: 'parent', page: 2, pageSize: 25 });
    const request = http.expectOne((r) => r.url === '/api/billing/finance/invoices');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys().sort()).toEqual(['from', 'method', 'page', 'pageSize', 'payer', 'status']);
    expect(request.request.params.get('status')).toBe('issued');
    expect(request.request.params.get('page')).toBe('2');
    request.flush({ items: [], total: 0 });
    await expect(result).resolves.toEqual({ items: [], total: 0 });
  });

  it('reads one invoice, its id escaped in the path', async () => {
    const result = api.invoice('a/b');
    const request = http.expectOne('/api/billing/finance/invoices/a%2Fb');
    expect(request.request.method).toBe('GET');
    request.flush({ id: 'a/b', number: 'F-2026-000001' } as Partial<InvoiceDetail>);
    await expect(result).resolves.toMatchObject({ number: 'F-2026-000001' });
  });

  it('records a cheque in cents with its reception date and number', async () => {
    const result = api.recordPayment('inv-1', { method: 'cheque', amountCents: 1234, receivedOn: '2026-03-02', reference: '000123' });
    const request = http.expectOne('/api/billing/finance/invoices/inv-1/payments');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ method: 'cheque', amountCents: 1234, receivedOn: '2026-03-02', reference: '000123' });
    request.flush(payment);
    await expect(result).resolves.toEqual(payment);
  });

  it('passes a refusal on as problem+json, with field errors and code', async () => {
    const result = api.recordPayment('inv-1', { method: 'cheque', amountCents: 99999, receivedOn: '2026-03-02', reference: 'x' });
    http.expectOne('/api/billing/finance/invoices/inv-1/payments').flush(
      { type: 'about:blank', title: 'Conflict', status: 409, code: 'BILLING.OVERPAYMENT', detail: 'Le montant dépasse le solde.', errors: [{ field: 'amountCents', message: 'Trop élevé' }] },
      { status: 409, statusText: 'Conflict' },
    );
    const error = await result.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(toApiProblem(error)).toEqual({
      status: 409,
      code: 'BILLING.OVERPAYMENT',
      detail: 'Le montant dépasse le solde.',
      errors: [{ field: 'amountCents', code: '', message: 'Trop élevé' }],
    });
  });

  it('refunds a payment with the idempotency key in the body', async () => {
    const result = api.refund('pay-1', { amountCents: 500, reason: 'Annulation', idempotencyKey: 'key-1' });
    const request = http.expectOne('/api/billing/finance/payments/pay-1/refunds');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ amountCents: 500, reason: 'Annulation', idempotencyKey: 'key-1' });
    request.flush({ id: 'ref-1', paymentId: 'pay-1', amountCents: 500, state: 'succeeded', reason: 'Annulation', creditNoteId: 'cn', creditNoteNumber: 'F-2026-000002', createdAt: '' });
    await expect(result).resolves.toMatchObject({ creditNoteNumber: 'F-2026-000002' });
  });

  it('creates an invoice and answers its id and number', async () => {
    const form = {
      payerEmail: 'parent@exemple.test',
      lang: 'fr' as const,
      billTo: { kind: 'individual' as const, name: 'Marie Tremblay', address: { line1: '1 rue Principale', city: 'Québec', province: 'QC', postalCode: 'G1R 1A1' } },
      lines: [{ description: 'Cartes', quantity: 3, unitPriceCents: 200 }],
      method: 'cheque' as const,
      idempotencyKey: 'form-key-0001',
    };
    const result = api.createInvoice(form);
    const request = http.expectOne('/api/billing/finance/invoices');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(form);
    request.flush({ invoiceId: 'inv-9', number: 'F-2026-000009' });
    await expect(result).resolves.toEqual({ invoiceId: 'inv-9', number: 'F-2026-000009' });
  });

  it('asks the reconciliation of one day and lists held payments', async () => {
    const day = api.reconciliation('2026-03-02');
    const dayRequest = http.expectOne((r) => r.url === '/api/billing/finance/reconciliation');
    expect(dayRequest.request.params.get('date')).toBe('2026-03-02');
    dayRequest.flush({ date: '2026-03-02', byMethod: [], byService: [], refunds: [], paymentsCents: 0, refundsCents: 0, netCents: 0 });
    await expect(day).resolves.toMatchObject({ date: '2026-03-02' });

    const held = api.heldPayments();
    http.expectOne('/api/billing/finance/held-payments').flush([{ ...payment, heldForStaff: true, invoiceNumber: 'F-2026-000001' }]);
    await expect(held).resolves.toHaveLength(1);
  });

  it('builds the download links (PDF, CSV for a date range)', () => {
    expect(api.pdfUrl('inv-1')).toBe('/api/billing/finance/invoices/inv-1/pdf');
    expect(api.exportUrl('invoices', { from: '2026-03-01', to: '2026-03-31' })).toBe('/api/billing/finance/exports/invoices.csv?from=2026-03-01&to=2026-03-31');
    expect(api.exportUrl('payments', {})).toBe('/api/billing/finance/exports/payments.csv');
  });
});

describe('toApiProblem', () => {
  it('reads a network failure as status 0 without a message', () => {
    expect(toApiProblem(new HttpErrorResponse({ status: 0, error: new Event('error') }))).toEqual({ status: 0, code: 'HTTP.0', detail: null, errors: [] });
  });
});
