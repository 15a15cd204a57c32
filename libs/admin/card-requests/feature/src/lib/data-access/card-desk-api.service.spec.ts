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
import { CardDeskApi } from './card-desk-api.service';
import type { CardRequestDetail, ReferenceDataInput, StaffReferenceData } from './card-requests.models';

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

const detail = { id: 'req-1', number: 'DC-2026-000001', status: 'cards-produced' } as Partial<CardRequestDetail> as CardRequestDetail;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('CardDeskApi', () => {
  let injector: EnvironmentInjector;
  let api: CardDeskApi;
  let http: HttpTestingController;

  beforeEach(() => {
    injector = rootInjector();
    api = injector.get(CardDeskApi);
    http = injector.get(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    injector.destroy();
  });

  it('searches the work queue with only the filters that are set', async () => {
    const result = api.searchRequests({ status: 'paid', from: '2026-01-01', to: '', trainer: 'Éthier', activity: undefined, page: 3, pageSize: 25 });
    const request = http.expectOne((r) => r.url === '/api/card-requests/staff/requests');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys().sort()).toEqual(['from', 'page', 'pageSize', 'status', 'trainer']);
    expect(request.request.params.get('status')).toBe('paid');
    expect(request.request.params.get('trainer')).toBe('Éthier');
    expect(request.request.params.get('page')).toBe('3');
    request.flush({ items: [], total: 0 });
    await expect(result).resolves.toEqual({ items: [], total: 0 });
  });

  it('reads one request, its id escaped in the path', async () => {
    const result = api.request('a/b');
    const request = http.expectOne('/api/card-requests/staff/requests/a%2Fb');
    expect(request.request.method).toBe('GET');
    request.flush(detail);
    await expect(result).resolves.toMatchObject({ number: 'DC-2026-000001' });
  });

  it('produces the cards, then ships with the tracking number or null', async () => {
    const produced = api.produceCards('req-1');
    const production = http.expectOne('/api/card-requests/staff/requests/req-1/cards');
    expect(production.request.method).toBe('POST');
    production.flush(detail);
    await expect(produced).resolves.toEqual(detail);

    const shipped = api.ship('req-1', 'CP123456789CA');
    const shipment = http.expectOne('/api/card-requests/staff/requests/req-1/shipment');
    expect(shipment.request.method).toBe('POST');
    expect(shipment.request.body).toEqual({ trackingNumber: 'CP123456789CA' });
    shipment.flush({ ...detail, status: 'shipped' });
    await expect(shipped).resolves.toMatchObject({ status: 'shipped' });

    const untracked = api.ship('req-2', null);
    const second = http.expectOne('/api/card-requests/staff/requests/req-2/shipment');
    expect(second.request.body).toEqual({ trackingNumber: null });
    second.flush({ ...detail, id: 'req-2', status: 'shipped' });
    await untracked;
  });

  it('cancels with the reason', async () => {
    const result = api.cancel('req-1', 'Demande en double');
    const request = http.expectOne('/api/card-requests/staff/requests/req-1/cancellation');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ reason: 'Demande en double' });
    request.flush({ ...detail, status: 'canceled', canceledReason: 'Demande en double' });
    await expect(result).resolves.toMatchObject({ status: 'canceled' });
  });

  it('sends a CSV import as JSON and returns the row-by-row report', async () => {
    const csv = 'titre,prenom,nom\nmrs,Julie,Roy\n';
    const result = api.importParticipants('req-1', csv);
    const request = http.expectOne('/api/card-requests/staff/requests/req-1/participant-imports');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ csv });
    request.flush({ imported: 1, rejected: [{ line: 3, reason: 'Date de naissance invalide' }] });
    await expect(result).resolves.toEqual({ imported: 1, rejected: [{ line: 3, reason: 'Date de naissance invalide' }] });
  });

  it('reissues a participant’s card', async () => {
    const result = api.reissueCard('req-1', 'p/1');
    const request = http.expectOne('/api/card-requests/staff/requests/req-1/participants/p%2F1/reissue');
    expect(request.request.method).toBe('POST');
    request.flush({ cardNumber: 'C-000002', verificationCode: 'ABCD-EFGH' });
    await expect(result).resolves.toEqual({ cardNumber: 'C-000002', verificationCode: 'ABCD-EFGH' });
  });

  it('searches participants by name and birth date, leaving blanks out', async () => {
    const result = api.searchParticipants({ lastName: 'Roy', firstName: '', birthDate: '1990-04-02' });
    const request = http.expectOne((r) => r.url === '/api/card-requests/staff/participants');
    expect(request.request.params.keys().sort()).toEqual(['birthDate', 'lastName']);
    expect(request.request.params.get('lastName')).toBe('Roy');
    request.flush([]);
    await expect(result).resolves.toEqual([]);
  });

  it('reads the reference data in both languages and saves the lists and the price (not the fixed accredited type)', async () => {
    const data: StaffReferenceData = {
      organizationTypes: [{ code: 'accredited-institution', label: { fr: 'Maison d’enseignement accréditée', en: 'Accredited institution' }, active: true }],
      accreditedInstitutions: [{ id: 'inst-1', name: 'Cégep de Lévis', active: true }],
      activities: [{ code: 'pds', label: { fr: 'Principes de déplacement sécuritaire', en: 'Safe movement principles' }, validityMonths: 36, active: false }],
      cardPriceCents: 200,
      accreditedInstitutionTypeCode: 'accredited-institution',
    };
    const read = api.referenceData();
    const get = http.expectOne('/api/card-requests/staff/reference-data');
    expect(get.request.method).toBe('GET');
    get.flush(data);
    await expect(read).resolves.toEqual(data);

    const input: ReferenceDataInput = {
      organizationTypes: data.organizationTypes,
      accreditedInstitutions: [...data.accreditedInstitutions, { id: null, name: 'Cégep de Sherbrooke', active: true }],
      activities: data.activities,
      cardPriceCents: 250,
    };
    const saved = api.saveReferenceData(input);
    const put = http.expectOne('/api/card-requests/staff/reference-data');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(input);
    expect(Object.keys(put.request.body as object)).not.toContain('accreditedInstitutionTypeCode');
    put.flush({ ...data, cardPriceCents: 250 });
    await expect(saved).resolves.toMatchObject({ cardPriceCents: 250 });
  });

  it('reads a domain refusal about one field (details.field) as a field error', async () => {
    const result = api.saveReferenceData({ organizationTypes: [], accreditedInstitutions: [], activities: [], cardPriceCents: 0 });
    http.expectOne('/api/card-requests/staff/reference-data').flush(
      { status: 422, code: 'CARD_REQUESTS.INVALID_FIELD', detail: 'Le prix n’est pas valide.', details: { field: 'cardPriceCents', reason: 'price' } },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    expect(toApiProblem(await rejection(result))).toEqual({
      status: 422,
      code: 'CARD_REQUESTS.INVALID_FIELD',
      detail: 'Le prix n’est pas valide.',
      errors: [{ field: 'cardPriceCents', code: 'CARD_REQUESTS.INVALID_FIELD', message: 'Le prix n’est pas valide.' }],
    });
  });

  it('links the print-ready cards PDF', () => {
    expect(api.cardsPdfUrl('a b')).toBe('/api/card-requests/staff/requests/a%20b/cards.pdf');
  });

  it('passes a refusal on as problem+json, with its code and field errors', async () => {
    const result = api.ship('req-1', 'x');
    http.expectOne('/api/card-requests/staff/requests/req-1/shipment').flush(
      {
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        code: 'CARD_REQUESTS.INVALID_TRACKING_NUMBER',
        detail: 'Numéro de suivi invalide.',
        errors: [{ field: 'trackingNumber', message: 'Numéro de suivi invalide.' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    const error = await rejection(result);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(toApiProblem(error)).toEqual({
      status: 422,
      code: 'CARD_REQUESTS.INVALID_TRACKING_NUMBER',
      detail: 'Numéro de suivi invalide.',
      errors: [{ field: 'trackingNumber', code: '', message: 'Numéro de suivi invalide.' }],
    });
  });

  it('reads a network failure as a problem without detail', async () => {
    const result = api.request('req-1');
    http.expectOne('/api/card-requests/staff/requests/req-1').error(new Event('error') as ProgressEvent, { status: 0 });
    expect(toApiProblem(await rejection(result))).toEqual({ status: 0, code: 'HTTP.0', detail: null, errors: [] });
  });
});
