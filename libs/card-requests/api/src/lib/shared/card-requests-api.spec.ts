import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Principal } from '@guichet/shared/auth';
import { CardRequestIdPipe, UnknownCardRequestId } from './card-requests-api.errors';
import { ParticipantRequest, ReferenceDataRequest, SessionFieldsRequest, SubmissionRequest } from './card-requests.request.dto';
import { attachment, staffOf, trainerOf } from './card-requests-request';

const principal = (roles: string[]): Principal => ({
  accountId: 'acc-1',
  sessionId: 's-1',
  username: null,
  email: 'a@exemple.test',
  firstName: null,
  lastName: null,
  roles,
  channel: 'back-office',
});

/** The fields a body is refused for, as the problem+json `errors[].field` names them. */
const fieldsIn = (cls: new () => object, body: object): string[] => {
  const errors = validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true });
  const walk = (list: typeof errors, prefix = ''): string[] =>
    list.flatMap((e) => (e.children?.length ? walk(e.children, `${prefix}${e.property}.`) : [`${prefix}${e.property}`]));
  return walk(errors).sort();
};

const session = {
  trainerEmail: 'claude.ethier@exemple.test',
  secondTrainer: null,
  organizationTypeCode: 'health-establishment',
  organizationName: 'CISSS de Laval',
  accreditedInstitutionId: null,
  trainingLocation: 'Laval',
  activityCode: 'pdsb',
  sessionEndDate: '2026-11-20',
  delivery: { address: '1 rue A', city: 'Laval', postalCode: 'H7N 1A1', attention: 'Claude Éthier', email: 'claude.ethier@exemple.test' },
};

describe('CardRequests api helpers', () => {
  it('lets card clerks act and finance staff only read', () => {
    expect(staffOf(principal(['card-clerk']))).toEqual({ accountId: 'acc-1', staff: true, canAct: true });
    expect(staffOf(principal(['finance']))).toEqual({ accountId: 'acc-1', staff: true, canAct: false });
    expect(trainerOf(principal(['trainer']))).toEqual({ accountId: 'acc-1', staff: false, canAct: true });
  });

  it('answers a malformed id with 404 CARD_REQUESTS.NOT_FOUND', () => {
    expect(() => new CardRequestIdPipe().transform('1 OR 1=1')).toThrow(UnknownCardRequestId);
    expect(new CardRequestIdPipe().transform('0190C6A2-7B1E-7C3D-9F00-1234567890AB')).toBe('0190c6a2-7b1e-7c3d-9f00-1234567890ab');
  });

  it('keeps download names to safe characters', () => {
    expect(attachment('cartes D-2026-000001.pdf')).toBe('attachment; filename="cartes_D-2026-000001.pdf"');
  });

  it('accepts a complete « Fiche de la session », with or without a second trainer', () => {
    expect(fieldsIn(SessionFieldsRequest, session)).toEqual([]);
    expect(fieldsIn(SessionFieldsRequest, { ...session, secondTrainer: { cardNumber: '004-5678', firstName: 'Ana', lastName: 'Roy' } })).toEqual([]);
    expect(fieldsIn(SessionFieldsRequest, { ...session, organizationName: null, accreditedInstitutionId: 'inst-1' })).toEqual([]);
  });

  it('names each missing or malformed field of the session, nested ones by their path', () => {
    const bad = {
      ...session,
      trainerEmail: 'pas un courriel',
      sessionEndDate: '20/11/2026',
      trainingLocation: '',
      secondTrainer: { cardNumber: '', firstName: 'Ana', lastName: '' },
      delivery: { ...session.delivery, city: '', email: 'x' },
    };
    expect(fieldsIn(SessionFieldsRequest, bad)).toEqual(
      ['delivery.city', 'delivery.email', 'secondTrainer.cardNumber', 'secondTrainer.lastName', 'sessionEndDate', 'trainerEmail', 'trainingLocation'].sort(),
    );
  });

  it('requires every participant field but « Poste », and refuses unknown titles and payment methods', () => {
    const participant = { title: 'mrs', firstName: 'Marie', lastName: 'Tremblay', birthDate: '1990-04-12', phone: '514 555-0101', extension: null };
    expect(fieldsIn(ParticipantRequest, participant)).toEqual([]);
    expect(fieldsIn(ParticipantRequest, { ...participant, title: 'dr', firstName: '', birthDate: '1990-4-12', phone: '' })).toEqual(
      ['birthDate', 'firstName', 'phone', 'title'].sort(),
    );
    expect(fieldsIn(SubmissionRequest, { method: 'paypal', billTo: 'company' })).toEqual(['billTo', 'method']);
  });

  it('checks the reference data lists entry by entry', () => {
    const data = {
      organizationTypes: [{ code: 'autre', label: { fr: 'Autre', en: 'Other' }, active: true }],
      accreditedInstitutions: [{ id: null, name: 'Cégep de Sherbrooke', active: true }],
      activities: [{ code: 'pdsb', label: { fr: 'PDSB', en: 'PDSB' }, validityMonths: 36, active: true }],
      cardPriceCents: 200,
    };
    expect(fieldsIn(ReferenceDataRequest, data)).toEqual([]);
    expect(
      fieldsIn(ReferenceDataRequest, { ...data, cardPriceCents: -1, activities: [{ code: 'Bad Code', label: { fr: '', en: 'x' }, validityMonths: 0, active: true }] }),
    ).toEqual(['activities.0.code', 'activities.0.label.fr', 'activities.0.validityMonths', 'cardPriceCents'].sort());
  });
});
