import { expect, type APIRequestContext } from '@playwright/test';
import { xsrfHeader } from './accounts';

/**
 * A draft request (« Nouvelle ») of the signed-in trainer with `participants` participants, made
 * through the portal's api (for tests whose subject comes after the « Fiche de la session »).
 */
export async function draftCardRequest(trainer: APIRequestContext, participants: number): Promise<{ id: string; number: string }> {
  const reference = (await (await trainer.get('/api/card-requests/reference-data')).json()) as {
    organizationTypes: { code: string }[];
    activities: { code: string }[];
    accreditedInstitutionTypeCode: string;
  };
  const me = (await (await trainer.get('/api/card-requests/me/trainer')).json()) as { email: string };
  const type = reference.organizationTypes.find((t) => t.code !== reference.accreditedInstitutionTypeCode) ?? reference.organizationTypes[0];
  const created = await trainer.post('/api/card-requests', {
    headers: await xsrfHeader(trainer),
    data: {
      trainerEmail: me.email,
      secondTrainer: null,
      organizationTypeCode: type.code,
      organizationName: 'Centre de formation de la Rive-Sud',
      accreditedInstitutionId: null,
      trainingLocation: 'Longueuil',
      activityCode: reference.activities[0].code,
      sessionEndDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date(Date.now() - 86_400_000)),
      delivery: { address: '55, boulevard Taschereau', city: 'Longueuil', postalCode: 'J4K 2V1', attention: 'Claude Éthier', email: me.email },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const request = (await created.json()) as { id: string; number: string };
  const names = ['Bouchard', 'Lavoie', 'Fortin', 'Gauthier', 'Morin'];
  for (let i = 0; i < participants; i++) {
    const added = await trainer.post(`/api/card-requests/${request.id}/participants`, {
      headers: await xsrfHeader(trainer),
      data: { title: 'mx', firstName: 'Alex', lastName: names[i % names.length], birthDate: `199${i % 10}-06-15`, phone: '450 555-0199', extension: null },
    });
    expect(added.status(), await added.text()).toBeLessThan(300);
  }
  return request;
}
