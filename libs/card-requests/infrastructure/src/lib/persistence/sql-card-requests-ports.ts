import { FindTrainerByCardNumber, GetProfile } from '@guichet/accounts/contracts';
import {
  CardRequestHistory,
  CardRequestLinkSettings,
  ReferenceDataStore,
  TrainerRegistry,
  VerificationCodeGenerator,
  type HistoryRecord,
  type TrainerRecord,
} from '@guichet/card-requests/application';
import { ACCREDITED_INSTITUTION_TYPE_CODE, type ReferenceDataInput, type StaffReferenceData } from '@guichet/card-requests/contracts';
import { CardRequestSequences, VERIFICATION_CODE_ALPHABET, VERIFICATION_CODE_LENGTH, type SequenceSeries } from '@guichet/card-requests/domain';
import { AppConfig } from '@guichet/shared/config';
import { isDomainError, uuidv7 } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { randomInt } from 'node:crypto';

/** Gapless: the counter row is bumped inside the saving transaction (a rollback gives the number back). */
@Injectable()
export class SqlCardRequestSequences extends CardRequestSequences {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async next(series: SequenceSeries, year: number): Promise<number> {
    const [row]: { last: number }[] = await this.unitOfWork.transactionManager('CardRequestSequences.next').query(
      `INSERT INTO card_requests.number_counters (series, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (series, year) DO UPDATE SET last = card_requests.number_counters.last + 1
       RETURNING last`,
      [series, year],
    );
    return row.last;
  }
}

@Injectable()
export class SqlCardRequestHistory extends CardRequestHistory {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async append(requestId: string, record: HistoryRecord): Promise<void> {
    await this.unitOfWork
      .transactionManager('CardRequestHistory.append')
      .query(`INSERT INTO card_requests.history (request_id, at, action, actor, details) VALUES ($1, $2, $3, $4, $5)`, [
        requestId,
        record.at,
        record.action,
        record.actor,
        record.details,
      ]);
  }
}

@Injectable()
export class SqlReferenceDataStore extends ReferenceDataStore {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async load(): Promise<StaffReferenceData> {
    const m = this.unitOfWork.manager;
    const types: { code: string; label_fr: string; label_en: string; active: boolean }[] = await m.query(
      `SELECT code, label_fr, label_en, active FROM card_requests.organization_types ORDER BY position, code`,
    );
    const institutions: { id: string; name: string; active: boolean }[] = await m.query(
      `SELECT id, name, active FROM card_requests.accredited_institutions ORDER BY name`,
    );
    const activities: { code: string; label_fr: string; label_en: string; validity_months: number | null; active: boolean }[] = await m.query(
      `SELECT code, label_fr, label_en, validity_months, active FROM card_requests.activities ORDER BY position, code`,
    );
    const [settings]: { card_price_cents: number }[] = await m.query(`SELECT card_price_cents FROM card_requests.settings`);
    return {
      organizationTypes: types.map((t) => ({ code: t.code, label: { fr: t.label_fr, en: t.label_en }, active: t.active })),
      accreditedInstitutions: institutions.map((i) => ({ id: i.id, name: i.name, active: i.active })),
      activities: activities.map((a) => ({ code: a.code, label: { fr: a.label_fr, en: a.label_en }, validityMonths: a.validity_months, active: a.active })),
      cardPriceCents: settings?.card_price_cents ?? 200,
      accreditedInstitutionTypeCode: ACCREDITED_INSTITUTION_TYPE_CODE,
    };
  }

  async save(input: ReferenceDataInput, actorId: string, now: Date): Promise<void> {
    const m = this.unitOfWork.transactionManager('ReferenceDataStore.save');
    for (const [i, t] of input.organizationTypes.entries()) {
      await m.query(
        `INSERT INTO card_requests.organization_types (code, label_fr, label_en, active, position) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET label_fr = EXCLUDED.label_fr, label_en = EXCLUDED.label_en, active = EXCLUDED.active, position = EXCLUDED.position`,
        [t.code.trim(), t.label.fr.trim(), t.label.en.trim(), t.active !== false, i + 1],
      );
    }
    for (const inst of input.accreditedInstitutions) {
      await m.query(
        `INSERT INTO card_requests.accredited_institutions (id, name, active) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active`,
        [inst.id ?? uuidv7(), inst.name.trim(), inst.active !== false],
      );
    }
    for (const [i, a] of input.activities.entries()) {
      await m.query(
        `INSERT INTO card_requests.activities (code, label_fr, label_en, validity_months, active, position) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO UPDATE SET label_fr = EXCLUDED.label_fr, label_en = EXCLUDED.label_en, validity_months = EXCLUDED.validity_months,
           active = EXCLUDED.active, position = EXCLUDED.position`,
        [a.code.trim(), a.label.fr.trim(), a.label.en.trim(), a.validityMonths, a.active !== false, i + 1],
      );
    }
    await m.query(`UPDATE card_requests.settings SET card_price_cents = $1, updated_at = $2, updated_by = $3`, [input.cardPriceCents, now, actorId]);
  }
}

/** 10 characters from the unambiguous alphabet, with Node's CSPRNG. */
@Injectable()
export class CryptoVerificationCodeGenerator extends VerificationCodeGenerator {
  generate(): string {
    let code = '';
    for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_CODE_ALPHABET[randomInt(VERIFICATION_CODE_ALPHABET.length)];
    return code;
  }
}

/** Accounts' registry through its contracts: `GetProfile` (the account's card) and `FindTrainerByCardNumber`. */
@Injectable()
export class QueryBusTrainerRegistry extends TrainerRegistry {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async findByCardNumber(cardNumber: string): Promise<TrainerRecord | null> {
    const found = await this.queries.execute(new FindTrainerByCardNumber(cardNumber.trim()));
    return found === null ? null : { ...found };
  }

  async findByAccountId(accountId: string): Promise<TrainerRecord | null> {
    let card: string | null;
    try {
      card = (await this.queries.execute(new GetProfile(accountId))).trainerCardNumber;
    } catch (error) {
      if (isDomainError(error) && error.kind === 'not-found') return null;
      throw error;
    }
    if (card === null) return null;
    const trainer = await this.findByCardNumber(card);
    return trainer !== null && trainer.accountId === accountId ? trainer : trainer === null ? null : { ...trainer, accountId };
  }
}

@Injectable()
export class ConfigCardRequestLinkSettings extends CardRequestLinkSettings {
  readonly publicUrl: string;
  constructor(config: AppConfig) {
    super();
    this.publicUrl = config.publicUrl;
  }
}
