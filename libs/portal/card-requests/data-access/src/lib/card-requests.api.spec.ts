import '@angular/compiler';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, TestComponentRenderer } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { toApiProblem } from './api-problem';
import { CardRequestsApi } from './card-requests.api';
import type { CardRequestDetail, CardRequestSummary, ParticipantFields, SessionFields } from './card-requests.models';

const summary: CardRequestSummary = {
  id: 'req-1',
  number: 'C-2026-000001',
  status: 'draft',
  sessionEndDate: '2026-03-01',
  organizationName: 'CISSS de Laval',
  activityName: 'Secourisme en milieu de travail',
  participantCount: 3,
  totalCents: null,
  role: 'trainer',
  updatedAt: '2026-03-02T14:00:00.000Z',
};

const session: SessionFields = {
  trainerEmail: 'claude.ethier@exemple.test',
  secondTrainer: null,
  organizationTypeCode: 'health',
  organizationName: 'CISSS de Laval',
  accreditedInstitutionId: null,
  trainingLocation: 'Laval',
  activityCode: 'first-aid',
  sessionEndDate: '2026-03-01',
  delivery: { address: '1800, boul. Le Corbusier', city: 'Laval', postalCode: 'H7S 2K1', attention: 'Claude Éthier', email: 'claude.ethier@exemple.test' },
};

const detail: CardRequestDetail = {
  ...summary,
  trainer: { cardNumber: '003-1234', firstName: 'Claude', lastName: 'Éthier', email: 'claude.ethier@exemple.test' },
  secondTrainer: null,
  organizationTypeCode: 'health',
  accreditedInstitutionId: null,
  trainingLocation: 'Laval',
  activityCode: 'first-aid',
  delivery: session.delivery,
  participants: [],
  payment: null,
  invoice: null,
  trackingNumber: null,
  canceledReason: null,
  editable: true,
  history: [],
};

const participant: ParticipantFields = {
  title: 'mrs',
  firstName: 'Léa',
  lastName: 'Tremblay',
  birthDate: '1990-05-04',
  phone: '514 555-1234',
  extension: null,
};

describe('CardRequestsApi', () => {
  let api: CardRequestsApi;
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
    api = TestBed.inject(CardRequestsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the trainer’s requests (« Sessions »)', async () => {
    const answer = api.requests();
    const request = http.expectOne('/api/card-requests');
    expect(request.request.method).toBe('GET');
    request.flush([summary]);
    expect(await answer).toEqual([summary]);
  });

  it('reads the reference data and the trainer’s identity', async () => {
    const reference = api.referenceData();
    const refRequest = http.expectOne('/api/card-requests/reference-data');
    expect(refRequest.request.method).toBe('GET');
    refRequest.flush({ organizationTypes: [], accreditedInstitutions: [], activities: [], cardPriceCents: 200, accreditedInstitutionTypeCode: 'accredited' });
    expect((await reference).cardPriceCents).toBe(200);

    const me = api.me();
    const meRequest = http.expectOne('/api/card-requests/me/trainer');
    expect(meRequest.request.method).toBe('GET');
    meRequest.flush(detail.trainer);
    expect((await me).cardNumber).toBe('003-1234');
  });

  it('creates, reads and updates a request, its id escaped in the path', async () => {
    const created = api.create(session);
    const create = http.expectOne('/api/card-requests');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual(session);
    create.flush(detail, { status: 201, statusText: 'Created' });
    expect((await created).id).toBe('req-1');

    const read = api.request('req/1?x');
    const get = http.expectOne('/api/card-requests/req%2F1%3Fx');
    expect(get.request.method).toBe('GET');
    get.flush(detail);
    expect((await read).number).toBe('C-2026-000001');

    const updated = api.update('req-1', { ...session, trainingLocation: 'Montréal' });
    const put = http.expectOne('/api/card-requests/req-1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.trainingLocation).toBe('Montréal');
    put.flush({ ...detail, trainingLocation: 'Montréal' });
    expect((await updated).trainingLocation).toBe('Montréal');
  });

  it('adds, changes and removes a participant', async () => {
    const added = api.addParticipant('req-1', participant);
    const post = http.expectOne('/api/card-requests/req-1/participants');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual(participant);
    post.flush({ participant: { ...participant, id: 'p-1', duplicateOf: [] }, duplicates: [{ requestId: 'req-0', number: 'C-2025-000009', sessionEndDate: '2025-11-20' }] });
    expect((await added).duplicates).toHaveLength(1);

    const changed = api.updateParticipant('req-1', 'p-1', { ...participant, extension: '246' });
    const put = http.expectOne('/api/card-requests/req-1/participants/p-1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.extension).toBe('246');
    put.flush({ participant: { ...participant, extension: '246', id: 'p-1', duplicateOf: [] }, duplicates: [] });
    expect((await changed).participant.extension).toBe('246');

    const removed = api.removeParticipant('req-1', 'p-1');
    const del = http.expectOne('/api/card-requests/req-1/participants/p-1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await expect(removed).resolves.toBeUndefined();
  });

  it('submits with the payment method and « Facturé à »', async () => {
    const submitted = api.submit('req-1', { method: 'cheque', billTo: 'organization' });
    const post = http.expectOne('/api/card-requests/req-1/submission');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ method: 'cheque', billTo: 'organization' });
    post.flush({ ...detail, status: 'submitted', editable: false });
    expect((await submitted).status).toBe('submitted');
  });

  it('links the invoice PDF and asks Billing for the hosted card page', async () => {
    expect(api.invoicePdfUrl('req-1')).toBe('/api/card-requests/req-1/invoice.pdf');
    const checkout = api.startCardCheckout('inv-1', 'en');
    const post = http.expectOne('/api/billing/invoices/inv-1/card-checkout');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ lang: 'en' });
    post.flush({ url: 'http://127.0.0.1:4400/hosted/card?pk=pk' });
    expect(await checkout).toEqual({ url: 'http://127.0.0.1:4400/hosted/card?pk=pk' });
  });

  it('verifies a card code publicly', async () => {
    const answer = api.verify('AB CD/12');
    const get = http.expectOne('/api/card-requests/verification/AB%20CD%2F12');
    expect(get.request.method).toBe('GET');
    get.flush({ valid: true, initials: 'L. T.', activityName: 'Secourisme', sessionEndDate: '2026-03-01', expiresOn: '2029-03-01', status: 'valid' });
    expect((await answer).status).toBe('valid');
  });

  it('turns a refusal into field errors the form can place', async () => {
    const answer = api.update('req-1', { ...session, sessionEndDate: '2099-01-01' });
    http.expectOne('/api/card-requests/req-1').flush(
      {
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        code: 'VALIDATION',
        detail: 'Certains champs sont invalides.',
        errors: [
          { field: 'sessionEndDate', code: 'CARD_REQUESTS.SESSION_END_IN_FUTURE', message: 'La date ne peut pas être supérieure à la date du jour.' },
          { field: 'delivery.postalCode', code: 'X', message: 'Code postal invalide' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    const problem = await answer.then(
      () => null,
      (error: unknown) => toApiProblem(error),
    );
    expect(problem?.status).toBe(422);
    expect(problem?.errors.map((e) => e.field)).toEqual(['sessionEndDate', 'delivery.postalCode']);
  });

  it('reads a domain error about one field from its details', async () => {
    const answer = api.submit('req-1', { method: 'card', billTo: 'individual' });
    http.expectOne('/api/card-requests/req-1/submission').flush(
      { status: 422, code: 'CARD_REQUESTS.CARD_MINIMUM', detail: 'Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $', details: { field: 'method' } },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    const problem = await answer.then(
      () => null,
      (error: unknown) => toApiProblem(error),
    );
    expect(problem?.code).toBe('CARD_REQUESTS.CARD_MINIMUM');
    expect(problem?.errors).toEqual([
      { field: 'method', code: 'CARD_REQUESTS.CARD_MINIMUM', message: 'Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $' },
    ]);
  });
});
