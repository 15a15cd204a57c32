import { expect, type APIRequestContext } from '@playwright/test';
import { xsrfHeader } from './accounts';
import { until } from './until';

/** `YYYY-MM-DD` in Montréal, `offsetDays` from today. */
export function montrealDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/** A « Fiche du participant » as the api takes it (`title`: mr, mrs or mx). */
export interface ParticipantInput {
  readonly title: 'mr' | 'mrs' | 'mx';
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly phone?: string;
  readonly extension?: string | null;
}

/** « Sauvegarder et ajouter » of one participant, through the portal's api. */
export async function addParticipant(trainer: APIRequestContext, requestId: string, participant: ParticipantInput): Promise<void> {
  const added = await trainer.post(`/api/card-requests/${requestId}/participants`, {
    headers: await xsrfHeader(trainer),
    data: { phone: '450 555-0199', extension: null, ...participant },
  });
  expect(added.status(), await added.text()).toBeLessThan(300);
}

/**
 * A draft request (« Nouvelle ») of the signed-in trainer, made through the portal's api (for tests
 * whose subject comes after the « Fiche de la session »), with `participants` participants: a count
 * (made-up names) or the participants themselves.
 */
export async function draftCardRequest(
  trainer: APIRequestContext,
  participants: number | readonly ParticipantInput[] = 0,
): Promise<{ id: string; number: string }> {
  const reference = (await (await trainer.get('/api/card-requests/reference-data')).json()) as {
    organizationTypes: { code: string }[];
    activities: { code: string }[];
    accreditedInstitutionTypeCode: string;
  };
  const me = (await (await trainer.get('/api/card-requests/me/trainer')).json()) as { email: string; firstName: string; lastName: string };
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
      sessionEndDate: montrealDay(-1),
      delivery: {
        address: '55, boulevard Taschereau',
        city: 'Longueuil',
        postalCode: 'J4K 2V1',
        attention: `${me.firstName} ${me.lastName}`,
        email: me.email,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const request = (await created.json()) as { id: string; number: string };
  const names = ['Bouchard', 'Lavoie', 'Fortin', 'Gauthier', 'Morin'];
  const list: readonly ParticipantInput[] =
    typeof participants === 'number'
      ? Array.from({ length: participants }, (_, i) => ({ title: 'mx', firstName: 'Alex', lastName: names[i % names.length], birthDate: `199${i % 10}-06-15` }))
      : participants;
  for (const participant of list) await addParticipant(trainer, request.id, participant);
  return request;
}

/** « Soumettre » with a cheque, then waits for the worker to have Billing issue the invoice (« Facturée »). */
export async function submitByChequeAndWaitForInvoice(
  trainer: APIRequestContext,
  requestId: string,
  billTo: 'individual' | 'organization' = 'individual',
): Promise<{ invoiceId: string; invoiceNumber: string }> {
  const submitted = await trainer.post(`/api/card-requests/${requestId}/submission`, {
    headers: await xsrfHeader(trainer),
    data: { method: 'cheque', billTo },
  });
  expect(submitted.status(), await submitted.text()).toBeLessThan(300);
  const invoiced = await until(
    async () => (await (await trainer.get(`/api/card-requests/${requestId}`)).json()) as { status: string; invoice: { id: string; number: string } | null },
    (detail) => detail.status === 'invoiced' && detail.invoice !== null,
    'request invoiced',
  );
  return { invoiceId: invoiced.invoice?.id ?? '', invoiceNumber: invoiced.invoice?.number ?? '' };
}

/** « Enregistrer un paiement » at the finance desk, through its api: a cheque for the invoice's balance. */
export async function recordChequeForBalance(finance: APIRequestContext, invoiceId: string): Promise<void> {
  const invoice = (await (await finance.get(`/api/billing/finance/invoices/${invoiceId}`)).json()) as { balanceCents: number };
  const recorded = await finance.post(`/api/billing/finance/invoices/${invoiceId}/payments`, {
    headers: await xsrfHeader(finance),
    data: {
      method: 'cheque',
      amountCents: invoice.balanceCents,
      receivedOn: montrealDay(),
      reference: `CHQ-${Date.now().toString().slice(-6)}`,
    },
  });
  expect(recorded.status(), await recorded.text()).toBeLessThan(300);
}
