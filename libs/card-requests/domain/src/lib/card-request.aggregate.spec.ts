import { LocalDate } from '@guichet/shared/kernel';
import { CardRequest } from './card-request.aggregate';
import { parseParticipantDetails, parseSessionDetails, type SessionFieldsRaw } from './card-request.values';

const TODAY = LocalDate.parse('2026-03-10');
const NOW = new Date('2026-03-10T15:00:00Z');
const TRAINER = { accountId: 'trainer-a', cardNumber: '003-1234', firstName: 'Claude', lastName: 'Éthier', email: 'claude@exemple.test' };
const RAW: SessionFieldsRaw = {
  trainerEmail: 'claude@exemple.test',
  organizationTypeCode: 'enterprise',
  organizationName: 'Acme',
  accreditedInstitutionId: null,
  trainingLocation: 'Québec',
  activityCode: 'pdsb',
  sessionEndDate: '2026-03-01',
  delivery: { address: '12 rue des Érables', city: 'Québec', postalCode: 'g1r2b5', attention: 'Claude', email: 'cartes@exemple.test' },
};

function session(overrides: Partial<SessionFieldsRaw> = {}) {
  return parseSessionDetails({ ...RAW, ...overrides }, TODAY, { organizationName: null, accreditedInstitutionId: null, secondTrainer: null });
}

function participant(overrides: Record<string, unknown> = {}) {
  return parseParticipantDetails(
    { title: 'mrs', firstName: 'Marie-Ève', lastName: 'Tremblay', birthDate: '1990-05-04', phone: '514 555-1234', extension: null, ...overrides },
    TODAY,
  );
}

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as { details?: { field?: string } }).details?.field;
  }
  throw new Error('expected an error');
}

function draft() {
  return CardRequest.create({ id: 'r1', number: 'D-2026-000001', trainer: TRAINER, session: session(), now: NOW });
}

describe('CardRequest', () => {
  it('checks the session fields and names the faulty field', () => {
    expect(session().delivery.postalCode).toBe('G1R 2B5');
    expect(fieldOf(() => session({ sessionEndDate: '2026-03-11' }))).toBe('sessionEndDate');
    expect(fieldOf(() => session({ delivery: { ...RAW.delivery!, postalCode: 'ZZZ' } }))).toBe('delivery.postalCode');
    expect(fieldOf(() => session({ trainerEmail: 'nope' }))).toBe('trainerEmail');
    expect(fieldOf(() => session({ trainingLocation: '  ' }))).toBe('trainingLocation');
  });

  it('checks the participant fields: birth date not in the future, phone, names, extension optional', () => {
    expect(participant({ extension: '123' })).toMatchObject({ phone: '+15145551234', extension: '123' });
    expect(fieldOf(() => participant({ birthDate: '2026-03-11' }))).toBe('birthDate');
    expect(fieldOf(() => participant({ phone: '555' }))).toBe('phone');
    expect(fieldOf(() => participant({ firstName: '' }))).toBe('firstName');
    expect(fieldOf(() => participant({ lastName: '' }))).toBe('lastName');
    expect(fieldOf(() => participant({ title: 'dr' }))).toBe('title');
    expect(fieldOf(() => participant({ extension: 'abc' }))).toBe('extension');
  });

  it('lets only the trainer edit, only in draft', () => {
    const request = draft();
    expect(() => request.addParticipant('someone-else', 'p1', participant(), NOW)).toThrow(expect.objectContaining({ code: 'CARD_REQUESTS.READ_ONLY' }));
    request.addParticipant('trainer-a', 'p1', participant(), NOW);
    request.submit('trainer-a', { method: 'cheque', billTo: 'individual', unitPriceCents: 200, lang: 'fr' }, NOW);
    expect(() => request.addParticipant('trainer-a', 'p2', participant(), NOW)).toThrow(expect.objectContaining({ code: 'CARD_REQUESTS.NOT_DRAFT' }));
  });

  it('refuses to submit without participants and card below 5 $, keeps the price, and is idempotent', () => {
    const request = draft();
    expect(fieldOf(() => request.submit('trainer-a', { method: 'cheque', billTo: 'individual', unitPriceCents: 200, lang: 'fr' }, NOW))).toBe('participants');
    request.addParticipant('trainer-a', 'p1', participant(), NOW);
    expect(() => request.submit('trainer-a', { method: 'card', billTo: 'individual', unitPriceCents: 200, lang: 'fr' }, NOW)).toThrow(
      expect.objectContaining({ code: 'CARD_REQUESTS.CARD_MINIMUM', details: expect.objectContaining({ field: 'method' }) }),
    );
    expect(request.submit('trainer-a', { method: 'cheque', billTo: 'organization', unitPriceCents: 200, lang: 'fr' }, NOW)).toBe(true);
    expect(request.submit('trainer-a', { method: 'cheque', billTo: 'organization', unitPriceCents: 999, lang: 'fr' }, NOW)).toBe(false);
    expect(request.payment).toMatchObject({ unitPriceCents: 200, totalCents: 200 });
    expect(request.pullEvents().map((e) => e.name)).toEqual(['CardRequestSubmitted']);
  });

  it('moves forward only: invoiced, paid, cards, shipped; cancel refused once shipped', () => {
    const request = draft();
    request.addParticipant('trainer-a', 'p1', participant(), NOW);
    expect(() => request.produceCards([], 36, NOW)).toThrow(expect.objectContaining({ code: 'CARD_REQUESTS.INVALID_STATUS' }));
    request.submit('trainer-a', { method: 'cheque', billTo: 'individual', unitPriceCents: 200, lang: 'fr' }, NOW);
    expect(request.markInvoiced('inv', 'F-2026-000001', NOW)).toBe(true);
    expect(request.markInvoiced('inv', 'F-2026-000001', NOW)).toBe(false);
    expect(request.markPaid('inv', NOW)).toBe(true);
    expect(request.markInvoiced('inv', 'F-2026-000001', NOW)).toBe(false);
    expect(request.status).toBe('paid');
    request.produceCards([{ participantId: 'p1', cardNumber: 'C-2026-000001', verificationCode: 'ABCDEFGHJK' }], 36, NOW);
    expect(request.currentCards[0].expiresOn).toBe('2029-03-01');
    const fresh = request.reissueCard({ participantId: 'p1', cardNumber: 'C-2026-000002', verificationCode: 'ZZZZZZZZZZ' }, 36, NOW);
    expect(request.currentCards).toEqual([fresh]);
    expect(request.toSnapshot().cards.filter((c) => c.revokedAt !== null).map((c) => c.cardNumber)).toEqual(['C-2026-000001']);
    request.ship(' 123 ', NOW);
    expect(request.toSnapshot().trackingNumber).toBe('123');
    expect(() => request.cancel('trop tard', 'staff', NOW)).toThrow(expect.objectContaining({ code: 'CARD_REQUESTS.INVALID_STATUS' }));
  });

  it('cancels with a reason, carrying the invoice to cancel', () => {
    const request = draft();
    request.addParticipant('trainer-a', 'p1', participant(), NOW);
    request.submit('trainer-a', { method: 'cheque', billTo: 'individual', unitPriceCents: 200, lang: 'fr' }, NOW);
    request.markInvoiced('inv', 'F-1', NOW);
    request.pullEvents();
    expect(fieldOf(() => request.cancel(' ', 'staff', NOW))).toBe('reason');
    expect(request.cancel('Demande en double', 'staff', NOW)).toBe(true);
    expect(request.cancel('encore', 'staff', NOW)).toBe(false);
    expect(request.pullEvents()).toEqual([expect.objectContaining({ name: 'CardRequestCanceled', invoiceId: 'inv' })]);
  });
});
