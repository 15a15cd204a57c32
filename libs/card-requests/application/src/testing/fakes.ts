import type {
  CardRequestHistoryEntry,
  CardRequestPage,
  CardRequestSearchFilters,
  CardRequestSummary,
  DuplicateHit,
  ParticipantSearchCriteria,
  ParticipantSearchHit,
  ReferenceDataInput,
  StaffReferenceData,
} from '@guichet/card-requests/contracts';
import { ACCREDITED_INSTITUTION_TYPE_CODE } from '@guichet/card-requests/contracts';
import {
  CardRequest,
  CardRequestNotFound,
  CardRequestRepository,
  CardRequestSequences,
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  normalizeName,
  type CardRequestSnapshot,
  type SequenceSeries,
} from '@guichet/card-requests/domain';
import { AsyncLocalStorage } from 'node:async_hooks';
import { InMemoryMailOutbox, UnitOfWork, type MailMessage } from '@guichet/shared/application';
import { DomainError, type DomainEvent, type Lang } from '@guichet/shared/kernel';
import {
  CardRequestHistory,
  CardRequestLinkSettings,
  CardRequestReadModel,
  ReferenceDataStore,
  TrainerRegistry,
  VerificationCodeGenerator,
  type CardVerificationRecord,
  type HistoryRecord,
  type TrainerRecord,
} from '../lib/ports/card-requests-ports';
import { activityNameOf } from '../lib/shared/card-request-context';

/** Like the persistence lib's `ConcurrentUpdate`, same code. */
export class FakeConcurrentUpdate extends DomainError {
  readonly code = 'PERSISTENCE.CONCURRENT_UPDATE';
  readonly kind = 'conflict';
  constructor() {
    super({ fr: 'Conflit.', en: 'Conflict.' });
  }
}

/** The domain events the repository was given to store (what the outbox would get). */
export class RecordingEvents {
  readonly events: DomainEvent[] = [];

  named(name: string): DomainEvent[] {
    return this.events.filter((e) => (e as DomainEvent & { name?: string }).name === name);
  }
}

/** Card requests as snapshots, with the repository's optimistic concurrency on `version`. */
export class InMemoryCardRequestRepository extends CardRequestRepository {
  readonly rows = new Map<string, CardRequestSnapshot>();
  saves = 0;

  constructor(readonly recorded: RecordingEvents = new RecordingEvents()) {
    super();
  }

  async get(id: string): Promise<CardRequest> {
    const found = await this.findById(id);
    if (found === null) throw new CardRequestNotFound();
    return found;
  }

  async findById(id: string): Promise<CardRequest | null> {
    const row = this.rows.get(id);
    return row === undefined ? null : CardRequest.restore(row);
  }

  async save(request: CardRequest): Promise<void> {
    const stored = this.rows.get(request.id);
    if ((stored?.version ?? 0) !== request.version) throw new FakeConcurrentUpdate();
    const snapshot = request.toSnapshot();
    this.rows.set(snapshot.id, { ...snapshot, version: request.version + 1 });
    this.recorded.events.push(...request.pullEvents());
    request.markPersisted();
    this.saves++;
  }

  stored(id: string): CardRequestSnapshot {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no card request ${id}`);
    return row;
  }

  all(): CardRequestSnapshot[] {
    return [...this.rows.values()];
  }
}

/** Gapless numbers per series and year. */
export class InMemorySequences extends CardRequestSequences {
  private readonly counters = new Map<string, number>();

  async next(series: SequenceSeries, year: number): Promise<number> {
    const key = `${series}:${year}`;
    const value = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, value);
    return value;
  }
}

export class RecordingHistory extends CardRequestHistory {
  readonly records: (HistoryRecord & { requestId: string })[] = [];

  async append(requestId: string, record: HistoryRecord): Promise<void> {
    this.records.push({ requestId, ...record });
  }

  of(requestId: string): (HistoryRecord & { requestId: string })[] {
    return this.records.filter((r) => r.requestId === requestId);
  }
}

export const INSTITUTION_ID = '0192e4a0-7d3c-7b2e-9f00-0000000000a1';

/** A small reference data set; `cardPriceCents` may be changed by the test. */
export function referenceDataFixture(): StaffReferenceData {
  return {
    organizationTypes: [
      { code: 'club', label: { fr: 'Club', en: 'Club' }, active: true },
      { code: ACCREDITED_INSTITUTION_TYPE_CODE, label: { fr: 'Maison d’enseignement accréditée', en: 'Accredited institution' }, active: true },
      { code: 'old', label: { fr: 'Ancien type', en: 'Old type' }, active: false },
    ],
    accreditedInstitutions: [{ id: INSTITUTION_ID, name: 'Cégep de Chicoutimi', active: true }],
    activities: [
      { code: 'snorkel', label: { fr: 'Plongée en apnée', en: 'Snorkeling' }, validityMonths: 24, active: true },
      { code: 'first-aid', label: { fr: 'Premiers soins', en: 'First aid' }, validityMonths: null, active: true },
    ],
    cardPriceCents: 300,
    accreditedInstitutionTypeCode: ACCREDITED_INSTITUTION_TYPE_CODE,
  };
}

export class InMemoryReferenceDataStore extends ReferenceDataStore {
  data: StaffReferenceData = referenceDataFixture();
  readonly saves: { input: ReferenceDataInput; actorId: string; at: Date }[] = [];

  async load(): Promise<StaffReferenceData> {
    return structuredClone(this.data);
  }

  async save(input: ReferenceDataInput, actorId: string, now: Date): Promise<void> {
    this.saves.push({ input, actorId, at: now });
    this.data = {
      ...this.data,
      organizationTypes: upsert(this.data.organizationTypes, input.organizationTypes, (e) => e.code),
      activities: upsert(this.data.activities, input.activities, (e) => e.code),
      accreditedInstitutions: [
        ...this.data.accreditedInstitutions.map((i) => {
          const given = input.accreditedInstitutions.find((g) => g.id === i.id);
          return given ? { ...given, id: i.id } : i;
        }),
        ...input.accreditedInstitutions.filter((g) => g.id === null).map((g, n) => ({ ...g, id: `new-institution-${this.saves.length}-${n}` })),
      ],
      cardPriceCents: input.cardPriceCents,
    };
  }

  /** « Référentiels »: a new card price in force. */
  setPrice(cents: number): void {
    this.data = { ...this.data, cardPriceCents: cents };
  }
}

function upsert<T>(current: readonly T[], given: readonly T[], key: (entry: T) => string): T[] {
  const out = current.map((entry) => given.find((g) => key(g) === key(entry)) ?? entry);
  return [...out, ...given.filter((g) => !current.some((c) => key(c) === key(g)))];
}

/** Deterministic verification codes from the code alphabet. */
export class SequentialVerificationCodes extends VerificationCodeGenerator {
  readonly generated: string[] = [];
  private n = 0;

  generate(): string {
    let value = ++this.n;
    let code = '';
    for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) {
      code = VERIFICATION_CODE_ALPHABET[value % VERIFICATION_CODE_ALPHABET.length] + code;
      value = Math.floor(value / VERIFICATION_CODE_ALPHABET.length);
    }
    this.generated.push(code);
    return code;
  }
}

/** Accounts' registry of certified trainers, in memory. */
export class InMemoryTrainerRegistry extends TrainerRegistry {
  readonly trainers: TrainerRecord[] = [];

  add(trainer: TrainerRecord): TrainerRecord {
    this.trainers.push(trainer);
    return trainer;
  }

  async findByCardNumber(cardNumber: string): Promise<TrainerRecord | null> {
    return this.trainers.find((t) => t.cardNumber === cardNumber) ?? null;
  }

  async findByAccountId(accountId: string): Promise<TrainerRecord | null> {
    return this.trainers.find((t) => t.accountId === accountId) ?? null;
  }
}

/** The read side computed from the repository's snapshots, the history and the reference data. */
export class SnapshotCardRequestReadModel extends CardRequestReadModel {
  constructor(
    private readonly requests: InMemoryCardRequestRepository,
    private readonly historyLog: RecordingHistory,
    private readonly referenceData: InMemoryReferenceDataStore,
  ) {
    super();
  }

  private summary(s: CardRequestSnapshot, role: CardRequestSummary['role'], lang: Lang): CardRequestSummary {
    return {
      id: s.id,
      number: s.number,
      status: s.status,
      sessionEndDate: s.session.sessionEndDate,
      organizationName: s.session.organizationName,
      activityName: activityNameOf(this.referenceData.data, s.session.activityCode, lang),
      participantCount: s.participants.length,
      totalCents: s.payment?.totalCents ?? null,
      role,
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  async listForAccount(accountId: string, lang: Lang): Promise<readonly CardRequestSummary[]> {
    return this.requests
      .all()
      .filter((s) => s.trainer.accountId === accountId || s.session.secondTrainer?.accountId === accountId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number.localeCompare(a.number))
      .map((s) => this.summary(s, s.trainer.accountId === accountId ? 'trainer' : 'second-trainer', lang));
  }

  async search(filters: CardRequestSearchFilters & { page: number; pageSize: number }, lang: Lang): Promise<CardRequestPage> {
    const rows = this.requests.all().filter((s) => !filters.status || s.status === filters.status);
    const start = (filters.page - 1) * filters.pageSize;
    return {
      items: rows.slice(start, start + filters.pageSize).map((s) => ({
        ...this.summary(s, 'staff', lang),
        trainerName: `${s.trainer.firstName} ${s.trainer.lastName}`,
        trainerCardNumber: s.trainer.cardNumber,
      })),
      total: rows.length,
    };
  }

  async history(requestId: string): Promise<readonly CardRequestHistoryEntry[]> {
    return this.historyLog.of(requestId).map((r) => ({ at: r.at.toISOString(), action: r.action, actor: r.actor, details: r.details }));
  }

  async duplicates(trainerAccountId: string, excludeRequestId: string, nameKeys: readonly string[]): Promise<ReadonlyMap<string, readonly DuplicateHit[]>> {
    const map = new Map<string, DuplicateHit[]>();
    const others = this.requests
      .all()
      .filter((s) => s.trainer.accountId === trainerAccountId && s.id !== excludeRequestId && s.status !== 'canceled')
      .sort((a, b) => a.number.localeCompare(b.number));
    for (const key of new Set(nameKeys)) {
      const hits = others.filter((s) => s.participants.some((p) => p.nameKey === key)).map((s) => ({ requestId: s.id, number: s.number, sessionEndDate: s.session.sessionEndDate }));
      if (hits.length > 0) map.set(key, hits);
    }
    return map;
  }

  async searchParticipants(criteria: ParticipantSearchCriteria, lang: Lang): Promise<readonly ParticipantSearchHit[]> {
    const last = criteria.lastName?.trim() ? normalizeName(criteria.lastName) : null;
    const first = criteria.firstName?.trim() ? normalizeName(criteria.firstName) : null;
    return this.requests.all().flatMap((s) =>
      s.participants
        .filter((p) => (last === null || normalizeName(p.lastName).startsWith(last)) && (first === null || normalizeName(p.firstName).startsWith(first)))
        .filter((p) => !criteria.birthDate || p.birthDate === criteria.birthDate)
        .map((p) => {
          const card = s.cards.find((c) => c.participantId === p.id && c.revokedAt === null) ?? null;
          return {
            requestId: s.id,
            number: s.number,
            participant: { id: p.id, title: p.title, firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, phone: p.phone, extension: p.extension, duplicateOf: [] },
            cardNumber: card?.cardNumber ?? null,
            verificationCode: card?.verificationCode ?? null,
            activityName: activityNameOf(this.referenceData.data, s.session.activityCode, lang),
            sessionEndDate: s.session.sessionEndDate,
            status: s.status,
          };
        }),
    );
  }

  async verification(code: string, lang: Lang): Promise<CardVerificationRecord | null> {
    for (const s of this.requests.all()) {
      const card = s.cards.find((c) => c.verificationCode === code);
      if (!card) continue;
      const p = s.participants.find((x) => x.id === card.participantId);
      if (!p) return null;
      return {
        firstName: p.firstName,
        lastName: p.lastName,
        activityName: activityNameOf(this.referenceData.data, s.session.activityCode, lang),
        sessionEndDate: s.session.sessionEndDate,
        expiresOn: card.expiresOn,
        revoked: card.revokedAt !== null,
        requestStatus: s.status,
      };
    }
    return null;
  }
}

export class FixedLinkSettings extends CardRequestLinkSettings {
  constructor(readonly publicUrl: string) {
    super();
  }
}

/**
 * Runs the work in place, counting transactions. `active` is true inside `run` for that call chain only
 * (like a real transaction bound to its async context), so concurrent callers each get their own.
 */
export class FakeUnitOfWork extends UnitOfWork {
  runs = 0;
  private readonly scope = new AsyncLocalStorage<true>();

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs++;
    return this.scope.run(true, work);
  }

  get active(): boolean {
    return this.scope.getStore() === true;
  }
}

/** The shared in-memory mail outbox, counting every `send` (the outbox itself drops repeated keys). */
export class CountingMailOutbox extends InMemoryMailOutbox {
  calls = 0;

  override send(message: MailMessage): Promise<void> {
    this.calls++;
    return super.send(message);
  }
}
