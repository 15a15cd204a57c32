import {
  CancelCardRequest,
  GetCardRequest,
  ImportParticipants,
  ProduceCards,
  ReissueCard,
  ShipCardRequest,
  VerifyCard,
} from '@guichet/card-requests/contracts';
import { CardRequestCanceled, CardsProduced, CardsShipped } from '@guichet/card-requests/domain';
import { CLERK, FINANCE, OTHER, TRAINER, asTrainer, errorOf, harness, type Harness } from '../../testing/harness';

describe('Staff handlers', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  describe('« Produire les cartes »', () => {
    it('produces one card per participant, C- numbers in order, expiry from the activity, a mail to the delivery e-mail', async () => {
      const id = await h.advance('paid', 3);
      const detail = await h.produce.execute(new ProduceCards(CLERK, id));
      expect(detail.status).toBe('cards-produced');
      expect(detail.participants.map((p) => p.card?.cardNumber)).toEqual(['C-2026-000001', 'C-2026-000002', 'C-2026-000003']);
      expect(detail.participants.every((p) => p.card?.expiresOn === '2028-02-27')).toBe(true);
      expect(detail.history.map((e) => e.action)).toContain('cards-produced');
      expect(h.events.events.filter((e) => e instanceof CardsProduced)).toHaveLength(1);
      const mail = h.mail.sent.find((m) => m.template === 'card-requests.cards-produced');
      expect(mail).toMatchObject({ to: 'livraison@club.test', params: { participantCount: '3' } });
    });

    it.each(['submitted', 'invoiced', 'cards-produced', 'shipped'] as const)('refuses a %s request (paid only)', async (status) => {
      const id = await h.advance(status);
      const before = h.requests.stored(id);
      expect(await errorOf(h.produce.execute(new ProduceCards(CLERK, id)))).toMatchObject({ code: 'CARD_REQUESTS.INVALID_STATUS', kind: 'conflict' });
      expect(h.requests.stored(id)).toEqual(before);
    });

    it('refuses a draft', async () => {
      const { id } = await h.draft(1);
      expect((await errorOf(h.produce.execute(new ProduceCards(CLERK, id)))).code).toBe('CARD_REQUESTS.INVALID_STATUS');
    });

    it('is for staff who act only: finance and trainers are refused', async () => {
      const id = await h.advance('paid');
      expect((await errorOf(h.produce.execute(new ProduceCards(FINANCE, id)))).code).toBe('CARD_REQUESTS.FORBIDDEN');
      expect((await errorOf(h.produce.execute(new ProduceCards(asTrainer(TRAINER), id)))).code).toBe('CARD_REQUESTS.FORBIDDEN');
      expect(h.requests.stored(id).status).toBe('paid');
      expect(h.mail.sent.filter((m) => m.template === 'card-requests.cards-produced')).toHaveLength(0);
    });
  });

  describe('« Expédier »', () => {
    it('ships once the cards are produced, with the tracking number in the mail', async () => {
      const id = await h.advance('cards-produced');
      const detail = await h.ship.execute(new ShipCardRequest(CLERK, id, '  CP123456789CA '));
      expect(detail).toMatchObject({ status: 'shipped', trackingNumber: 'CP123456789CA' });
      expect(h.events.events.filter((e) => e instanceof CardsShipped)).toHaveLength(1);
      expect(h.mail.sent.find((m) => m.template === 'card-requests.shipped')).toMatchObject({ to: 'livraison@club.test', params: { trackingNumber: 'CP123456789CA' } });
    });

    it('says « non fourni » without a tracking number', async () => {
      const id = await h.advance('cards-produced');
      await h.ship.execute(new ShipCardRequest(CLERK, id, null));
      expect(h.mail.sent.find((m) => m.template === 'card-requests.shipped')?.params['trackingNumber']).toBe('non fourni');
    });

    it.each(['submitted', 'paid', 'shipped'] as const)('refuses a %s request', async (status) => {
      const id = await h.advance(status);
      expect((await errorOf(h.ship.execute(new ShipCardRequest(CLERK, id, null)))).code).toBe('CARD_REQUESTS.INVALID_STATUS');
    });

    it('refuses finance', async () => {
      const id = await h.advance('cards-produced');
      expect((await errorOf(h.ship.execute(new ShipCardRequest(FINANCE, id, null)))).code).toBe('CARD_REQUESTS.FORBIDDEN');
    });
  });

  describe('cancel', () => {
    it('cancels a submitted request with its reason and mails it; Billing is not asked without an invoice', async () => {
      const id = await h.advance('submitted');
      const detail = await h.cancel.execute(new CancelCardRequest(CLERK, id, '  Session annulée  '));
      expect(detail).toMatchObject({ status: 'canceled', canceledReason: 'Session annulée' });
      expect(h.events.events.filter((e) => e instanceof CardRequestCanceled)).toHaveLength(1);
      expect(h.mail.sent.find((m) => m.template === 'card-requests.canceled')).toMatchObject({ to: 'livraison@club.test', params: { reason: 'Session annulée' } });
      expect(h.billing.canceled).toHaveLength(0);
    });

    it('asks Billing to cancel the invoice (refunds included) once invoiced; a second cancel changes nothing', async () => {
      const id = await h.advance('paid');
      await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Doublon'));
      expect(h.billing.canceled).toHaveLength(1);
      expect(h.billing.canceled[0]).toMatchObject({ reference: { service: 'card-requests', id }, reason: 'Doublon', refundPayments: true, actorId: CLERK.accountId });
      await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Encore'));
      expect(h.billing.canceled).toHaveLength(1);
      expect(h.requests.stored(id).canceledReason).toBe('Doublon');
      expect(h.mail.calls).toBe(h.mail.sent.length);
      expect(h.mail.sent.filter((m) => m.template === 'card-requests.canceled')).toHaveLength(1);
    });

    it('still cancels when Billing fails (the worker retries)', async () => {
      const id = await h.advance('invoiced');
      h.billing.failCancel = true;
      const detail = await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Erreur'));
      expect(detail.status).toBe('canceled');
    });

    it('needs a reason', async () => {
      const id = await h.advance('submitted');
      expect(await errorOf(h.cancel.execute(new CancelCardRequest(CLERK, id, '   ')))).toMatchObject({ code: 'CARD_REQUESTS.INVALID_FIELD', field: 'reason' });
      expect(h.requests.stored(id).status).toBe('submitted');
    });

    it('refuses a shipped request', async () => {
      const id = await h.advance('shipped');
      expect((await errorOf(h.cancel.execute(new CancelCardRequest(CLERK, id, 'Trop tard')))).code).toBe('CARD_REQUESTS.INVALID_STATUS');
      expect(h.requests.stored(id).status).toBe('shipped');
    });

    it('cancels a draft too; finance and trainers may not cancel', async () => {
      const { id } = await h.draft(0);
      expect((await errorOf(h.cancel.execute(new CancelCardRequest(FINANCE, id, 'x')))).code).toBe('CARD_REQUESTS.FORBIDDEN');
      expect((await errorOf(h.cancel.execute(new CancelCardRequest(asTrainer(TRAINER), id, 'x')))).code).toBe('CARD_REQUESTS.FORBIDDEN');
      expect((await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Abandon'))).status).toBe('canceled');
    });
  });

  describe('reissue and verification', () => {
    it('gives a new card and code; the old code answers revoked, the new one valid', async () => {
      const id = await h.advance('shipped', 2);
      const before = await h.get.execute(new GetCardRequest(CLERK, id));
      const target = before.participants[0];
      const oldCode = target.card?.verificationCode as string;
      expect(await h.verify.execute(new VerifyCard(oldCode))).toMatchObject({ valid: true, status: 'valid' });
      const fresh = await h.reissue.execute(new ReissueCard(CLERK, id, target.id));
      expect(fresh.cardNumber).toBe('C-2026-000003');
      expect(fresh.verificationCode).not.toBe(oldCode);
      expect(await h.verify.execute(new VerifyCard(oldCode))).toMatchObject({ valid: false, status: 'revoked' });
      expect(await h.verify.execute(new VerifyCard(fresh.verificationCode))).toMatchObject({ valid: true, status: 'valid', initials: 'É. G.' });
      const after = await h.get.execute(new GetCardRequest(CLERK, id));
      expect(after.participants[0].card?.verificationCode).toBe(fresh.verificationCode);
      expect(after.participants[1].card?.verificationCode).toBe(before.participants[1].card?.verificationCode);
    });

    it('refuses before the cards are produced, for an unknown participant, and for finance', async () => {
      const paid = await h.advance('paid', 1);
      const pid = h.requests.stored(paid).participants[0].id;
      expect((await errorOf(h.reissue.execute(new ReissueCard(CLERK, paid, pid)))).code).toBe('CARD_REQUESTS.INVALID_STATUS');
      const produced = await h.advance('cards-produced', 1);
      expect((await errorOf(h.reissue.execute(new ReissueCard(CLERK, produced, '0192e4a0-7d3c-7b2e-9f00-000000000bad')))).code).toBe('CARD_REQUESTS.PARTICIPANT_NOT_FOUND');
      const ppid = h.requests.stored(produced).participants[0].id;
      expect((await errorOf(h.reissue.execute(new ReissueCard(FINANCE, produced, ppid)))).code).toBe('CARD_REQUESTS.FORBIDDEN');
    });

    it('answers null for an unknown or malformed code, revoked once the request is canceled', async () => {
      expect(await h.verify.execute(new VerifyCard('ABCDEFGHJK'))).toBeNull();
      expect(await h.verify.execute(new VerifyCard('nope'))).toBeNull();
      const id = await h.advance('cards-produced', 1);
      const code = h.requests.stored(id).cards[0].verificationCode;
      await h.cancel.execute(new CancelCardRequest(CLERK, id, 'Fraude'));
      expect(await h.verify.execute(new VerifyCard(code.toLowerCase()))).toMatchObject({ status: 'revoked' });
    });

    it('answers expired after the card’s expiry', async () => {
      const id = await h.advance('cards-produced', 1);
      const code = h.requests.stored(id).cards[0].verificationCode;
      h.clock.set('2028-02-28T17:00:00Z');
      expect(await h.verify.execute(new VerifyCard(code))).toMatchObject({ valid: false, status: 'expired', expiresOn: '2028-02-27' });
    });
  });

  describe('staff see every request, with the history', () => {
    it('reads another trainer’s request with history and cards', async () => {
      const id = await h.advance('cards-produced', 1);
      const detail = await h.get.execute(new GetCardRequest(FINANCE, id));
      expect(detail.role).toBe('staff');
      expect(detail.history.map((e) => e.action)).toEqual(['created', 'participant-added', 'submitted', 'invoiced', 'paid', 'cards-produced']);
      const trainerView = await h.get.execute(new GetCardRequest(asTrainer(TRAINER), id));
      expect(trainerView.history).toEqual([]);
      expect(trainerView.participants[0].card).toBeNull();
      expect((await errorOf(h.get.execute(new GetCardRequest(asTrainer(OTHER), id)))).code).toBe('CARD_REQUESTS.NOT_FOUND');
    });
  });

  describe('CSV import', () => {
    it('imports into a draft and reports the rejected lines', async () => {
      const { id } = await h.draft(0);
      const csv = 'Titre;Prénom;Nom;Date de naissance;Téléphone;Poste\nMme;Ana;Lima;2001-02-03;514-555-1234;\nDr;Bo;Lee;2001-02-03;514-555-1234;\n';
      const report = await h.importParticipants.execute(new ImportParticipants(CLERK, id, csv, 'fr'));
      expect(report.imported).toBe(1);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0].line).toBe(3);
      expect(h.requests.stored(id).participants.map((p) => p.lastName)).toEqual(['Lima']);
    });

    it('reports the file line of a row the parser accepts but the domain refuses (birth date in 1890)', async () => {
      const { id } = await h.draft(0);
      const csv = 'Titre;Prénom;Nom;Date de naissance;Téléphone;Poste\nMme;Ana;Lima;2001-02-03;514-555-1234;\nM.;Vieux;Monsieur;1890-01-01;514-555-1234;\n';
      const report = await h.importParticipants.execute(new ImportParticipants(CLERK, id, csv, 'en'));
      expect(report.imported).toBe(1);
      expect(report.rejected).toEqual([{ line: 3, reason: expect.stringContaining('1890-01-01') }]);
    });

    it('refuses a submitted request', async () => {
      const id = await h.advance('submitted');
      expect((await errorOf(h.importParticipants.execute(new ImportParticipants(CLERK, id, 'x', 'fr')))).code).toBe('CARD_REQUESTS.INVALID_STATUS');
    });
  });
});
