import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Principal } from '@guichet/shared/auth';
import { ManualInvoiceRequest, RecordPaymentRequest } from '../finance/finance.request.dto';
import { CardPaymentRequest } from '../payer/payer.request.dto';
import { BillingIdPipe, UnknownBillingId } from './billing-api.errors';
import { actorOf, attachment } from './billing-request';

const principal = (roles: string[], channel: string): Principal => ({
  accountId: 'acc-1',
  sessionId: 's-1',
  username: null,
  email: 'a@exemple.test',
  firstName: null,
  lastName: null,
  roles,
  channel,
});

const fieldsIn = (cls: new () => object, body: object): string[] => {
  const errors = validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true });
  const walk = (list: typeof errors, prefix = ''): string[] =>
    list.flatMap((e) => (e.children?.length ? walk(e.children, `${prefix}${e.property}.`) : [`${prefix}${e.property}`]));
  return walk(errors);
};

describe('Billing api helpers', () => {
  it('counts the finance role only on a back-office session', () => {
    expect(actorOf(principal(['finance'], 'back-office'))).toEqual({ accountId: 'acc-1', finance: true });
    expect(actorOf(principal(['finance'], 'portal'))).toEqual({ accountId: 'acc-1', finance: false });
    expect(actorOf(principal(['admin'], 'back-office'))).toEqual({ accountId: 'acc-1', finance: false });
  });

  it('answers a malformed id with 404 BILLING.NOT_FOUND, and lowercases a good one', () => {
    const pipe = new BillingIdPipe();
    expect(() => pipe.transform('../../etc/passwd')).toThrow(UnknownBillingId);
    expect(pipe.transform('0190C6A2-7B1E-7C3D-9F00-1234567890AB')).toBe('0190c6a2-7b1e-7c3d-9f00-1234567890ab');
  });

  it('builds a download header that cannot be broken by the file name', () => {
    expect(attachment('F-2026-000123.pdf')).toBe('attachment; filename="F-2026-000123.pdf"');
    expect(attachment('a"b\r\n.pdf')).toBe('attachment; filename="a_b__.pdf"');
  });

  it('accepts a token from the hosted page and refuses anything that looks like a card number', () => {
    expect(fieldsIn(CardPaymentRequest, { token: 'tok_abc123def', idempotencyKey: 'key-12345678' })).toEqual([]);
    expect(fieldsIn(CardPaymentRequest, { token: '4242424242424242', idempotencyKey: 'key-12345678' })).toEqual(['token']);
    expect(fieldsIn(CardPaymentRequest, { token: 'tok_abc123def', idempotencyKey: 'key-12345678', number: '4242424242424242' })).toEqual(['number']);
  });

  it('names each bad field of « Enregistrer un paiement » and « Nouvelle facture »', () => {
    expect(fieldsIn(RecordPaymentRequest, { method: 'card', amountCents: 0, receivedOn: '22/11/2026', reference: '' }).sort()).toEqual(
      ['amountCents', 'method', 'receivedOn', 'reference'].sort(),
    );
    const good = {
      payerEmail: 'parent@exemple.test',
      lang: 'fr',
      billTo: { kind: 'organization', name: 'École', attention: 'Direction', address: { line1: '1 rue A', city: 'Laval', postalCode: 'H7N 1A1' } },
      lines: [{ description: 'Cartes', quantity: 3, unitPriceCents: 200 }],
      method: 'cheque',
    };
    expect(fieldsIn(ManualInvoiceRequest, good)).toEqual([]);
    expect(
      fieldsIn(ManualInvoiceRequest, { ...good, payerEmail: 'nope', lines: [{ description: '', quantity: 0, unitPriceCents: -1 }], billTo: { ...good.billTo, kind: 'x' } }).sort(),
    ).toEqual(['billTo.kind', 'lines.0.description', 'lines.0.quantity', 'lines.0.unitPriceCents', 'payerEmail'].sort());
  });
});
