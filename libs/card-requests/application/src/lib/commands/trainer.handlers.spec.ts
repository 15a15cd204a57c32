import {
  AddParticipant,
  CreateCardRequest,
  GetCardRequest,
  ListMyCardRequests,
  RemoveParticipant,
  SubmitCardRequest,
  UpdateCardRequest,
  UpdateParticipant,
} from '@guichet/card-requests/contracts';
import { CardRequestSubmitted } from '@guichet/card-requests/domain';
import { EXPIRED, OTHER, SECOND, TRAINER, asTrainer, errorOf, harness, participantInput, sessionInput, type Harness } from '../../testing/harness';

const me = asTrainer(TRAINER);
const second = { cardNumber: SECOND.cardNumber, firstName: 'helene', lastName: 'COTE BERUBE' };

describe('Trainer handlers', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  describe('« Fiche de la session »', () => {
    it('creates a draft with the trainer from the registry, a D- number, the normalized postal code and a history line', async () => {
      const detail = await h.create.execute(new CreateCardRequest(me, sessionInput(), 'en'));
      expect(detail).toMatchObject({
        number: 'D-2026-000001',
        status: 'draft',
        role: 'trainer',
        editable: true,
        activityName: 'Snorkeling',
        trainer: { cardNumber: '003-1234', firstName: 'Claude', lastName: 'Éthier', email: TRAINER.email },
        delivery: { postalCode: 'G7H 1R9', email: 'livraison@club.test' },
        history: [],
        payment: null,
      });
      expect(h.history.of(detail.id).map((r) => r.action)).toEqual(['created']);
    });

    it('refuses an account that holds no trainer card', async () => {
      const e = await errorOf(h.create.execute(new CreateCardRequest(asTrainer({ accountId: '0192e4a0-7d3c-7b2e-9f00-00000000dead' }), sessionInput())));
      expect(e.code).toBe('CARD_REQUESTS.NOT_A_TRAINER');
      expect(h.requests.all()).toHaveLength(0);
    });

    it.each([
      [{ sessionEndDate: '2026-03-03' }, 'sessionEndDate', 'session-end-future'],
      [{ organizationTypeCode: 'nope' }, 'organizationTypeCode', 'unknown-organization-type'],
      [{ organizationTypeCode: 'old' }, 'organizationTypeCode', 'unknown-organization-type'],
      [{ organizationName: '  ' }, 'organizationName', 'required'],
      [{ activityCode: 'skydiving' }, 'activityCode', 'unknown-activity'],
      [{ organizationTypeCode: 'accredited-institution', organizationName: null, accreditedInstitutionId: 'missing' }, 'accreditedInstitutionId', 'unknown-institution'],
    ])('refuses %j with a field error on %s', async (overrides, field, reason) => {
      const e = await errorOf(h.create.execute(new CreateCardRequest(me, sessionInput(overrides))));
      expect(e).toMatchObject({ code: 'CARD_REQUESTS.INVALID_FIELD', kind: 'invalid', field, reason });
      expect(h.requests.all()).toHaveLength(0);
    });

    it('accepts a session that ended today (Montréal time)', async () => {
      const detail = await h.create.execute(new CreateCardRequest(me, sessionInput({ sessionEndDate: '2026-03-02' })));
      expect(detail.sessionEndDate).toBe('2026-03-02');
    });

    it('names the field of a bad postal code and a bad e-mail', async () => {
      const base = sessionInput();
      expect((await errorOf(h.create.execute(new CreateCardRequest(me, { ...base, delivery: { ...base.delivery, postalCode: '12345' } })))).field).toBe('delivery.postalCode');
      expect((await errorOf(h.create.execute(new CreateCardRequest(me, { ...base, delivery: { ...base.delivery, email: 'pas-un-courriel' } })))).field).toBe('delivery.email');
      expect((await errorOf(h.create.execute(new CreateCardRequest(me, { ...base, trainerEmail: 'x@' })))).field).toBe('trainerEmail');
    });

    it('takes the accredited institution’s name for the accredited type', async () => {
      const { INSTITUTION_ID } = await import('../../testing/fakes');
      const detail = await h.create.execute(
        new CreateCardRequest(me, sessionInput({ organizationTypeCode: 'accredited-institution', organizationName: 'ignored', accreditedInstitutionId: INSTITUTION_ID })),
      );
      expect(detail.organizationName).toBe('Cégep de Chicoutimi');
      expect(detail.accreditedInstitutionId).toBe(INSTITUTION_ID);
    });
  });

  describe('« Deuxième formateur / moniteur », checked against the registry', () => {
    it('accepts names matching accent- and case-insensitively and stores the registry’s spelling', async () => {
      const detail = await h.create.execute(new CreateCardRequest(me, sessionInput({ secondTrainer: second })));
      expect(detail.secondTrainer).toEqual({ cardNumber: SECOND.cardNumber, firstName: 'Hélène', lastName: 'Côté-Bérubé' });
    });

    it.each([
      [{ cardNumber: '999-9999', firstName: 'Hélène', lastName: 'Côté-Bérubé' }, 'secondTrainer.cardNumber', 'second-trainer-unknown'],
      [{ cardNumber: SECOND.cardNumber, firstName: 'Hélèna', lastName: 'Côté-Bérubé' }, 'secondTrainer.firstName', 'second-trainer-names'],
      [{ cardNumber: SECOND.cardNumber, firstName: 'Hélène', lastName: 'Côté' }, 'secondTrainer.lastName', 'second-trainer-names'],
      [{ cardNumber: SECOND.cardNumber, firstName: '', lastName: 'Côté-Bérubé' }, 'secondTrainer.firstName', 'required'],
      [{ cardNumber: TRAINER.cardNumber, firstName: 'Claude', lastName: 'Éthier' }, 'secondTrainer.cardNumber', 'second-trainer-self'],
    ])('refuses %j on %s', async (secondTrainer, field, reason) => {
      const e = await errorOf(h.create.execute(new CreateCardRequest(me, sessionInput({ secondTrainer }))));
      expect(e).toMatchObject({ code: 'CARD_REQUESTS.INVALID_FIELD', field, reason });
    });

    it('refuses a certification expired at the session end, accepts one still valid on that day', async () => {
      const expired = { cardNumber: EXPIRED.cardNumber, firstName: EXPIRED.firstName, lastName: EXPIRED.lastName };
      const e = await errorOf(h.create.execute(new CreateCardRequest(me, sessionInput({ secondTrainer: expired, sessionEndDate: '2026-02-01' }))));
      expect(e).toMatchObject({ field: 'secondTrainer.cardNumber', reason: 'second-trainer-expired' });
      const ok = await h.create.execute(new CreateCardRequest(me, sessionInput({ secondTrainer: expired, sessionEndDate: '2026-01-31' })));
      expect(ok.secondTrainer?.cardNumber).toBe(EXPIRED.cardNumber);
    });

    it('accepts a registry trainer whose account is not activated yet (the card is held all the same)', async () => {
      h.registry.add({ accountId: '0192e4a0-7d3c-7b2e-9f00-000000000005', cardNumber: '007-0007', firstName: 'Luc', lastName: 'Pelletier', email: 'luc@exemple.test', certificationExpiresOn: '2030-01-01', active: false });
      const detail = await h.create.execute(new CreateCardRequest(me, sessionInput({ secondTrainer: { cardNumber: '007-0007', firstName: 'Luc', lastName: 'Pelletier' } })));
      expect(detail.secondTrainer?.cardNumber).toBe('007-0007');
    });

    it('treats an all-blank second trainer as none', async () => {
      const detail = await h.create.execute(new CreateCardRequest(me, sessionInput({ secondTrainer: { cardNumber: ' ', firstName: '', lastName: '' } })));
      expect(detail.secondTrainer).toBeNull();
    });
  });

  describe('who may read and change a request', () => {
    it('hides a request from another trainer (NOT_FOUND on read, change, participants and submission)', async () => {
      const { id } = await h.draft(1);
      const stranger = asTrainer(OTHER);
      const pid = h.requests.stored(id).participants[0].id;
      const attempts = [
        h.get.execute(new GetCardRequest(stranger, id)),
        h.update.execute(new UpdateCardRequest(stranger, id, sessionInput())),
        h.addParticipant.execute(new AddParticipant(stranger, id, participantInput())),
        h.updateParticipant.execute(new UpdateParticipant(stranger, id, pid, participantInput())),
        h.removeParticipant.execute(new RemoveParticipant(stranger, id, pid)),
        h.submit.execute(new SubmitCardRequest(stranger, id, 'cheque', 'individual', 'fr')),
      ];
      for (const attempt of attempts) expect((await errorOf(attempt)).code).toBe('CARD_REQUESTS.NOT_FOUND');
      expect(h.requests.stored(id).status).toBe('draft');
      expect(h.requests.stored(id).participants).toHaveLength(1);
      expect(await h.listMine.execute(new ListMyCardRequests(OTHER.accountId))).toEqual([]);
    });

    it('answers NOT_FOUND for an unknown or empty id', async () => {
      expect((await errorOf(h.get.execute(new GetCardRequest(me, '0192e4a0-7d3c-7b2e-9f00-000000000999')))).code).toBe('CARD_REQUESTS.NOT_FOUND');
      expect((await errorOf(h.get.execute(new GetCardRequest(me, '')))).code).toBe('CARD_REQUESTS.NOT_FOUND');
    });

    it('shows the request read-only to the second trainer: READ_ONLY on change and submission', async () => {
      const { id } = await h.draft(1, { secondTrainer: second });
      const other = asTrainer(SECOND);
      const seen = await h.get.execute(new GetCardRequest(other, id));
      expect(seen).toMatchObject({ role: 'second-trainer', editable: false, history: [] });
      const list = await h.listMine.execute(new ListMyCardRequests(SECOND.accountId));
      expect(list.map((r) => [r.id, r.role])).toEqual([[id, 'second-trainer']]);
      const pid = h.requests.stored(id).participants[0].id;
      for (const attempt of [
        h.update.execute(new UpdateCardRequest(other, id, sessionInput({ secondTrainer: second }))),
        h.addParticipant.execute(new AddParticipant(other, id, participantInput())),
        h.updateParticipant.execute(new UpdateParticipant(other, id, pid, participantInput())),
        h.removeParticipant.execute(new RemoveParticipant(other, id, pid)),
        h.submit.execute(new SubmitCardRequest(other, id, 'cheque', 'individual', 'fr')),
      ]) {
        expect(await errorOf(attempt)).toMatchObject({ code: 'CARD_REQUESTS.READ_ONLY', kind: 'forbidden' });
      }
      expect(h.requests.stored(id).status).toBe('draft');
      expect(h.events.events).toHaveLength(0);
    });

    it('lets only the trainer change it, in draft only (NOT_DRAFT once submitted)', async () => {
      const { id } = await h.draft(1);
      const saved = await h.update.execute(new UpdateCardRequest(me, id, sessionInput({ trainingLocation: 'Aréna de Jonquière' })));
      expect(saved.trainingLocation).toBe('Aréna de Jonquière');
      await h.submit.execute(new SubmitCardRequest(me, id, 'cheque', 'individual', 'fr'));
      const pid = h.requests.stored(id).participants[0].id;
      for (const attempt of [
        h.update.execute(new UpdateCardRequest(me, id, sessionInput())),
        h.addParticipant.execute(new AddParticipant(me, id, participantInput())),
        h.updateParticipant.execute(new UpdateParticipant(me, id, pid, participantInput())),
        h.removeParticipant.execute(new RemoveParticipant(me, id, pid)),
      ]) {
        expect(await errorOf(attempt)).toMatchObject({ code: 'CARD_REQUESTS.NOT_DRAFT', kind: 'conflict' });
      }
      expect(h.requests.stored(id).session.trainingLocation).toBe('Aréna de Jonquière');
      expect((await h.get.execute(new GetCardRequest(me, id))).editable).toBe(false);
    });

    it('keeps what was saved when an update is refused', async () => {
      const { id } = await h.draft(0);
      const before = h.requests.stored(id);
      const e = await errorOf(h.update.execute(new UpdateCardRequest(me, id, sessionInput({ trainingLocation: 'Ailleurs', sessionEndDate: '2027-01-01' }))));
      expect(e.field).toBe('sessionEndDate');
      expect(h.requests.stored(id)).toEqual(before);
    });
  });

  describe('« Fiche du participant »', () => {
    it.each([
      [{ title: 'dr' }, 'title'],
      [{ firstName: '' }, 'firstName'],
      [{ lastName: ' ' }, 'lastName'],
      [{ birthDate: '2026-03-03' }, 'birthDate'],
      [{ birthDate: '14/05/2001' }, 'birthDate'],
      [{ phone: '123' }, 'phone'],
      [{ phone: '' }, 'phone'],
    ])('refuses %j with a field error on %s, saving nothing', async (overrides, field) => {
      const { id } = await h.draft(0);
      const e = await errorOf(h.addParticipant.execute(new AddParticipant(me, id, participantInput(overrides as never))));
      expect(e.field).toBe(field);
      expect(h.requests.stored(id).participants).toHaveLength(0);
    });

    it('stores the phone in E.164 and shows it 514-555-1234; keeps the position on edit; removes', async () => {
      const { id } = await h.draft(0);
      const a = await h.addParticipant.execute(new AddParticipant(me, id, participantInput({ firstName: 'Ana', lastName: 'Lima', phone: '(514) 555-1234', extension: '12' })));
      const b = await h.addParticipant.execute(new AddParticipant(me, id, participantInput({ firstName: 'Bo', lastName: 'Lee' })));
      expect(a.participant).toMatchObject({ phone: '514-555-1234', extension: '12', duplicateOf: [] });
      expect(h.requests.stored(id).participants[0].phone).toBe('+15145551234');
      await h.updateParticipant.execute(new UpdateParticipant(me, id, a.participant.id, participantInput({ firstName: 'Anna', lastName: 'Lima' })));
      const detail = await h.get.execute(new GetCardRequest(me, id));
      expect(detail.participants.map((p) => p.firstName)).toEqual(['Anna', 'Bo']);
      await h.removeParticipant.execute(new RemoveParticipant(me, id, b.participant.id));
      expect((await h.get.execute(new GetCardRequest(me, id))).participantCount).toBe(1);
      expect((await errorOf(h.removeParticipant.execute(new RemoveParticipant(me, id, b.participant.id)))).code).toBe('CARD_REQUESTS.PARTICIPANT_NOT_FOUND');
    });

    it('flags a participant already on another of the same trainer’s requests (accent- and case-insensitive), not another trainer’s', async () => {
      const first = await h.draft(0);
      await h.addParticipant.execute(new AddParticipant(me, first.id, participantInput({ firstName: 'Élodie', lastName: 'Gagnon', birthDate: '2001-05-14' })));
      const strangers = await h.create.execute(new CreateCardRequest(asTrainer(OTHER), sessionInput({ trainerEmail: OTHER.email })));
      await h.addParticipant.execute(new AddParticipant(asTrainer(OTHER), strangers.id, participantInput({ firstName: 'Elodie', lastName: 'Gagnon', birthDate: '2001-05-14' })));
      const second = await h.draft(0);
      const saved = await h.addParticipant.execute(new AddParticipant(me, second.id, participantInput({ firstName: 'ELODIE', lastName: 'gagnon', birthDate: '2001-05-14' })));
      expect(saved.duplicates).toEqual([{ requestId: first.id, number: first.number, sessionEndDate: '2026-02-27' }]);
      expect(saved.participant.duplicateOf).toEqual([{ requestId: first.id, number: first.number }]);
      const other = await h.addParticipant.execute(new AddParticipant(me, second.id, participantInput({ firstName: 'Élodie', lastName: 'Gagnon', birthDate: '2001-05-15' })));
      expect(other.duplicates).toEqual([]);
      const detail = await h.get.execute(new GetCardRequest(me, first.id));
      expect(detail.participants[0].duplicateOf).toEqual([{ requestId: second.id, number: second.number }]);
    });
  });

  describe('« Soumettre »', () => {
    it('submits once: the price in force is kept, one event, one mail to the delivery e-mail; a second press answers the same detail', async () => {
      const { id } = await h.draft(2);
      const first = await h.submit.execute(new SubmitCardRequest(me, id, 'cheque', 'organization', 'fr'));
      expect(first).toMatchObject({ status: 'submitted', totalCents: 600, payment: { method: 'cheque', billTo: 'organization', unitPriceCents: 300, totalCents: 600 }, editable: false });
      h.clock.advance(60_000);
      const again = await h.submit.execute(new SubmitCardRequest(me, id, 'card', 'individual', 'fr'));
      expect(again).toEqual(first);
      expect(h.events.events.filter((e) => e instanceof CardRequestSubmitted)).toHaveLength(1);
      expect(h.history.of(id).filter((r) => r.action === 'submitted')).toHaveLength(1);
      expect(h.mail.calls).toBe(1);
      expect(h.mail.sent[0]).toMatchObject({ to: 'livraison@club.test', template: 'card-requests.submitted', lang: 'fr' });
    });

    it('answers concurrent presses with one submission', async () => {
      const { id } = await h.draft(2);
      const answers = await Promise.all([1, 2, 3].map(() => h.submit.execute(new SubmitCardRequest(me, id, 'deposit', 'individual', 'fr'))));
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set(['submitted']));
      expect(h.events.events.filter((e) => e instanceof CardRequestSubmitted)).toHaveLength(1);
      expect(h.mail.calls).toBe(1);
    });

    it('refuses 0 participants on the field `participants`', async () => {
      const { id } = await h.draft(0);
      expect(await errorOf(h.submit.execute(new SubmitCardRequest(me, id, 'cheque', 'individual', 'fr')))).toMatchObject({
        code: 'CARD_REQUESTS.NO_PARTICIPANTS',
        kind: 'invalid',
        field: 'participants',
      });
      expect(h.requests.stored(id).status).toBe('draft');
      expect(h.mail.sent).toHaveLength(0);
    });

    it('refuses a card payment under 5 $ on the field `method`, accepts a cheque for the same total', async () => {
      const { id } = await h.draft(1);
      expect(await errorOf(h.submit.execute(new SubmitCardRequest(me, id, 'card', 'individual', 'fr')))).toMatchObject({
        code: 'CARD_REQUESTS.CARD_MINIMUM',
        field: 'method',
      });
      expect(h.requests.stored(id).status).toBe('draft');
      const ok = await h.submit.execute(new SubmitCardRequest(me, id, 'cheque', 'individual', 'fr'));
      expect(ok.totalCents).toBe(300);
    });

    it('accepts a card payment of exactly 5 $', async () => {
      h.referenceData.setPrice(250);
      const { id } = await h.draft(2);
      expect((await h.submit.execute(new SubmitCardRequest(me, id, 'card', 'individual', 'fr'))).totalCents).toBe(500);
    });

    it('refuses an unknown method or bill-to on their fields', async () => {
      const { id } = await h.draft(2);
      expect((await errorOf(h.submit.execute(new SubmitCardRequest(me, id, 'bitcoin' as never, 'individual', 'fr')))).field).toBe('method');
      expect((await errorOf(h.submit.execute(new SubmitCardRequest(me, id, 'cheque', 'nobody' as never, 'fr')))).field).toBe('billTo');
    });

    it('keeps the unit price of the submission when the reference price changes afterwards', async () => {
      const { id } = await h.draft(3);
      await h.submit.execute(new SubmitCardRequest(me, id, 'cheque', 'individual', 'fr'));
      h.referenceData.setPrice(1000);
      const detail = await h.get.execute(new GetCardRequest(me, id));
      expect(detail.payment).toMatchObject({ unitPriceCents: 300, totalCents: 900 });
      expect(detail.totalCents).toBe(900);
      const list = await h.listMine.execute(new ListMyCardRequests(TRAINER.accountId));
      expect(list[0].totalCents).toBe(900);
    });
  });
});
