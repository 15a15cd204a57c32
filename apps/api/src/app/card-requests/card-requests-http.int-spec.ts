import { ImportTrainerRegistry, UNKNOWN_CLIENT } from '@guichet/accounts/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort, startHttpApi, type HttpApi, type HttpSession } from '../testing/http-api';

/*
 * Card requests through the real HTTP api and the real PostgreSQL, as the trainer `ethc003` uses them:
 * every bad field is answered 4xx problem+json naming the field (French, or English when asked), never
 * a 500, and a refused change loses nothing saved before.
 */

const SUBMITTED_EVENT = 'card-requests.card-request-submitted.v1';
/** A second certified trainer, imported into Accounts' registry by the test. */
const SECOND_TRAINER = { line: 2, cardNumber: '004-5678', lastName: 'Côté', firstName: 'Hélène', email: 'helene.cote@exemple.test', certificationExpiresOn: '2030-12-31' };

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
  details?: { field?: string };
}

/** The fields a problem names: the request validation's `errors[].field`, or a domain error's `details.field`. */
function fieldsOf(body: Problem): string[] {
  return [...(body.errors ?? []).map((e) => e.field), ...(body.details?.field ? [body.details.field] : [])];
}

/** The user-facing text of a problem (the field messages, or the domain error's detail). */
function messageOf(body: Problem): string {
  return body.errors?.length ? body.errors.map((e) => e.message).join(' ') : body.detail;
}

/** `YYYY-MM-DD`, `days` from now (in UTC, far enough from Montréal's date for the test). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function session(overrides: Record<string, unknown> = {}) {
  return {
    trainerEmail: 'claude.ethier@exemple.test',
    secondTrainer: null,
    organizationTypeCode: 'enterprise',
    organizationName: 'Transports Laurentides inc.',
    accreditedInstitutionId: null,
    trainingLocation: 'Salle 204, Saint-Jérôme',
    activityCode: 'first-aid',
    sessionEndDate: '2026-01-15',
    delivery: { address: '455 rue Labelle', city: 'Saint-Jérôme', postalCode: 'j7z 5l3', attention: 'Ressources humaines', email: 'rh@transports.test' },
    ...overrides,
  };
}

function participant(overrides: Record<string, unknown> = {}) {
  return { title: 'mrs', firstName: 'Élodie', lastName: 'Gagnon', birthDate: '1994-07-02', phone: '450 555-0199', extension: null, ...overrides };
}

describe('Card requests over HTTP (real database)', () => {
  let api: HttpApi;
  let baseUrl: string;
  let origin: string;
  let db: DataSource;
  let trainer: HttpSession;
  let trainerId: string;
  let parent: HttpSession;

  const get = (s: HttpSession, path: string, lang = 'fr') => request(baseUrl).get(path).set('Cookie', s.cookie).set('Accept-Language', lang);
  const send = (method: 'post' | 'put' | 'delete', s: HttpSession, path: string, body: object = {}, lang = 'fr') =>
    request(baseUrl)[method](path).set('Cookie', s.cookie).set('X-XSRF-TOKEN', s.xsrf).set('Origin', origin).set('Accept-Language', lang).send(body);
  const post = (s: HttpSession, path: string, body: object = {}, lang = 'fr') => send('post', s, path, body, lang);
  const put = (s: HttpSession, path: string, body: object = {}, lang = 'fr') => send('put', s, path, body, lang);

  /** A 4xx problem+json in `lang` that names `field`; never a 500. */
  function expectFieldProblem(res: request.Response, field: string, lang: 'fr' | 'en'): Problem {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe(lang);
    const body = res.body as Problem;
    expect(fieldsOf(body)).toContain(field);
    expect(messageOf(body).length).toBeGreaterThan(0);
    return body;
  }

  async function createDraft(overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
    const res = await post(trainer, '/api/card-requests', session(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    api = await startHttpApi(await freePort());
    ({ baseUrl, origin, db } = api);
    const adminId = api.seeded.find((s) => s.role === 'admin')?.accountId as string;
    const report = await api.commands.execute(new ImportTrainerRegistry(adminId, [SECOND_TRAINER], 'fr', UNKNOWN_CLIENT));
    expect(report.rejected).toBe(0);
    trainer = await api.signIn('ethc003', 'portal');
    trainerId = api.seeded.find((s) => s.role === 'trainer')?.accountId as string;
    parent = await api.signIn('parent@exemple.test', 'portal');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('prefills « Formateur / Moniteur » and lists the reference data in the asked language', async () => {
    const me = await get(trainer, '/api/card-requests/me/trainer');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ cardNumber: '003-1234', firstName: 'Claude', lastName: 'Éthier', email: 'claude.ethier@exemple.test' });
    const fr = await get(trainer, '/api/card-requests/reference-data');
    const en = await get(trainer, '/api/card-requests/reference-data', 'en');
    expect(fr.body.activities.find((a: { code: string }) => a.code === 'first-aid').label).toBe('Secourisme en milieu de travail');
    expect(en.body.activities.find((a: { code: string }) => a.code === 'first-aid').label).toBe('Workplace first aid');
  });

  describe('« Fiche de la session »: every bad field is named, in French and in English', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a future « Fin de la session »', { sessionEndDate: inDays(3) }, 'sessionEndDate'],
      ['a malformed « Fin de la session »', { sessionEndDate: '15/01/2026' }, 'sessionEndDate'],
      ['a bad postal code', { delivery: { ...session().delivery, postalCode: '12345' } }, 'delivery.postalCode'],
      ['a postal code from no province', { delivery: { ...session().delivery, postalCode: 'Z1Z 1Z1' } }, 'delivery.postalCode'],
      ['a bad delivery e-mail', { delivery: { ...session().delivery, email: 'rh-at-transports' } }, 'delivery.email'],
      ['a bad trainer e-mail', { trainerEmail: 'claude@' }, 'trainerEmail'],
      ['a missing « Nom de l’organisme »', { organizationName: null }, 'organizationName'],
      ['a blank « Nom de l’organisme »', { organizationName: '   ' }, 'organizationName'],
      ['an unknown organization type', { organizationTypeCode: 'pirates' }, 'organizationTypeCode'],
      ['an unknown activity', { activityCode: 'skydiving' }, 'activityCode'],
      ['an accredited type without its institution', { organizationTypeCode: 'accredited-institution', organizationName: null }, 'accreditedInstitutionId'],
      ['an unknown second trainer card', { secondTrainer: { cardNumber: '999-9999', firstName: 'Hélène', lastName: 'Côté' } }, 'secondTrainer.cardNumber'],
      ['a second trainer whose first name does not match', { secondTrainer: { cardNumber: '004-5678', firstName: 'Hélèna', lastName: 'Côté' } }, 'secondTrainer.firstName'],
      ['a second trainer whose last name does not match', { secondTrainer: { cardNumber: '004-5678', firstName: 'Hélène', lastName: 'Coté-Roy' } }, 'secondTrainer.lastName'],
    ];

    it.each(cases)('refuses %s (%j) on the field %s', async (_label, overrides, field) => {
      // The trainer's requests only: what other tests (or files) save elsewhere does not move the count.
      const countMine = async (): Promise<number> =>
        (await db.query(`SELECT count(*)::int AS n FROM card_requests.requests WHERE trainer_account_id = $1`, [trainerId]))[0].n;
      const before = await countMine();
      const fr = expectFieldProblem(await post(trainer, '/api/card-requests', session(overrides)), field, 'fr');
      const en = expectFieldProblem(await post(trainer, '/api/card-requests', session(overrides), 'en'), field, 'en');
      expect(messageOf(fr)).not.toBe(messageOf(en));
      expect(await countMine()).toBe(before);
    });

    it('accepts the second trainer’s names accent- and case-insensitively', async () => {
      const res = await post(trainer, '/api/card-requests', session({ secondTrainer: { cardNumber: '004-5678', firstName: 'HELENE', lastName: 'cote' } }));
      expect(res.status).toBe(201);
      expect(res.body.secondTrainer).toEqual({ cardNumber: '004-5678', firstName: 'Hélène', lastName: 'Côté' });
      expect(res.body.delivery.postalCode).toBe('J7Z 5L3');
    });

    it('keeps what was saved when an update is refused', async () => {
      const { id } = await createDraft();
      const saved = await put(trainer, `/api/card-requests/${id}`, session({ trainingLocation: 'Salle 101, Mirabel' }));
      expect(saved.status).toBe(200);
      const refused = [
        session({ trainingLocation: 'Ailleurs', sessionEndDate: inDays(5) }),
        session({ trainingLocation: 'Ailleurs', delivery: { ...session().delivery, postalCode: 'nope' } }),
        session({ trainingLocation: 'Ailleurs', secondTrainer: { cardNumber: '004-5678', firstName: 'Paul', lastName: 'Côté' } }),
        session({ trainingLocation: 'Ailleurs', organizationName: null }),
      ];
      for (const body of refused) {
        const res = await put(trainer, `/api/card-requests/${id}`, body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      const now = await get(trainer, `/api/card-requests/${id}`);
      expect(now.status).toBe(200);
      expect(now.body).toMatchObject({ trainingLocation: 'Salle 101, Mirabel', sessionEndDate: '2026-01-15', organizationName: 'Transports Laurentides inc.', secondTrainer: null });
      expect(now.body.delivery.postalCode).toBe('J7Z 5L3');
    });
  });

  describe('« Fiche du participant »', () => {
    // A draft of its own for each test: none sees a participant another test added (or failed to delete).
    let id: string;
    beforeEach(async () => {
      ({ id } = await createDraft());
    });

    const cases: [string, Record<string, unknown>, string][] = [
      ['a missing first name', { firstName: '' }, 'firstName'],
      ['a missing last name', { lastName: undefined }, 'lastName'],
      ['a blank last name', { lastName: '   ' }, 'lastName'],
      ['a bad phone', { phone: '555-01' }, 'phone'],
      ['a birth date in the future', { birthDate: inDays(3) }, 'birthDate'],
      ['a malformed birth date', { birthDate: '1994-13-45' }, 'birthDate'],
      ['an unknown title', { title: 'dr' }, 'title'],
    ];

    it.each(cases)('refuses %s (%j) on the field %s, in French and English', async (_label, overrides, field) => {
      const fr = expectFieldProblem(await post(trainer, `/api/card-requests/${id}/participants`, participant(overrides)), field, 'fr');
      const en = expectFieldProblem(await post(trainer, `/api/card-requests/${id}/participants`, participant(overrides), 'en'), field, 'en');
      expect(messageOf(fr)).not.toBe(messageOf(en));
      const detail = await get(trainer, `/api/card-requests/${id}`);
      expect(detail.body.participants).toEqual([]);
    });

    it('keeps a saved participant when its change is refused', async () => {
      const added = await post(trainer, `/api/card-requests/${id}/participants`, participant({ firstName: 'Noé', lastName: 'Bélanger' }));
      expect(added.status).toBe(201);
      const pid = added.body.participant.id;
      const refused = await put(trainer, `/api/card-requests/${id}/participants/${pid}`, participant({ firstName: 'Noé', lastName: 'Bélanger', phone: 'abc' }));
      expectFieldProblem(refused, 'phone', 'fr');
      const detail = await get(trainer, `/api/card-requests/${id}`);
      expect(detail.body.participants).toEqual([expect.objectContaining({ id: pid, firstName: 'Noé', lastName: 'Bélanger', phone: '450-555-0199' })]);
      expect((await send('delete', trainer, `/api/card-requests/${id}/participants/${pid}`)).status).toBe(204);
    });
  });

  describe('« Soumettre »', () => {
    it('refuses 0 participants on the field `participants`, and a card payment under 5 $ on `method`', async () => {
      const { id } = await createDraft();
      const none = expectFieldProblem(await post(trainer, `/api/card-requests/${id}/submission`, { method: 'cheque', billTo: 'organization' }), 'participants', 'fr');
      expect(none).toMatchObject({ status: 422, code: 'CARD_REQUESTS.NO_PARTICIPANTS' });
      const noneEn = expectFieldProblem(await post(trainer, `/api/card-requests/${id}/submission`, { method: 'cheque', billTo: 'organization' }, 'en'), 'participants', 'en');
      expect(noneEn.detail).not.toBe(none.detail);
      expect((await post(trainer, `/api/card-requests/${id}/participants`, participant())).status).toBe(201);
      const card = expectFieldProblem(await post(trainer, `/api/card-requests/${id}/submission`, { method: 'card', billTo: 'individual' }), 'method', 'fr');
      expect(card).toMatchObject({ status: 422, code: 'CARD_REQUESTS.CARD_MINIMUM' });
      expect(card.detail).toContain('5 $');
      expectFieldProblem(await post(trainer, `/api/card-requests/${id}/submission`, { method: 'bitcoin', billTo: 'individual' }), 'method', 'fr');
      expect((await get(trainer, `/api/card-requests/${id}`)).body.status).toBe('draft');
    });

    it('submits once when « Soumettre » is pressed twice at the same time: 200 both, one outbox event', async () => {
      const { id } = await createDraft();
      expect((await post(trainer, `/api/card-requests/${id}/participants`, participant({ firstName: 'Ana' }))).status).toBe(201);
      expect((await post(trainer, `/api/card-requests/${id}/participants`, participant({ firstName: 'Bo' }))).status).toBe(201);
      const [a, b] = await Promise.all([
        post(trainer, `/api/card-requests/${id}/submission`, { method: 'cheque', billTo: 'organization' }),
        post(trainer, `/api/card-requests/${id}/submission`, { method: 'cheque', billTo: 'organization' }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.status).not.toBe('draft');
      expect(a.body.payment).toEqual(b.body.payment);
      expect(a.body.payment).toMatchObject({ method: 'cheque', billTo: 'organization', totalCents: 2 * a.body.payment.unitPriceCents });
      const rows: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM messaging.outbox WHERE event_name = $1 AND payload->>'requestId' = $2`, [SUBMITTED_EVENT, id]);
      expect(rows[0].n).toBe(1);
      const again = await post(trainer, `/api/card-requests/${id}/submission`, { method: 'card', billTo: 'individual' });
      expect(again.status).toBe(200);
      expect(again.body.payment).toEqual(a.body.payment);
      const edit = await put(trainer, `/api/card-requests/${id}`, session());
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('CARD_REQUESTS.NOT_DRAFT');
    });
  });

  describe('who may reach what', () => {
    it('answers 403 problem+json to a portal user who is not a trainer', async () => {
      const { id } = await createDraft();
      for (const res of [
        await get(parent, '/api/card-requests'),
        await get(parent, '/api/card-requests/reference-data'),
        await get(parent, `/api/card-requests/${id}`),
        await post(parent, '/api/card-requests', session()),
        await post(parent, `/api/card-requests/${id}/submission`, { method: 'cheque', billTo: 'individual' }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('answers 404 for a malformed or unknown id', async () => {
      for (const path of ['/api/card-requests/not-a-uuid', '/api/card-requests/0192e4a0-7d3c-7b2e-9f00-000000000404']) {
        const res = await get(trainer, path);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('CARD_REQUESTS.NOT_FOUND');
      }
      const { id } = await createDraft();
      const res = await put(trainer, `/api/card-requests/${id}/participants/nope`, participant());
      expect(res.status).toBe(404);
    });

    it('answers 404 problem+json on the public verification route for an unknown code, without a session', async () => {
      for (const code of ['ABCDEFGHJK', 'x']) {
        const res = await request(baseUrl).get(`/api/card-requests/verification/${code}`);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('CARD_REQUESTS.UNKNOWN_CODE');
      }
    });
  });
});
