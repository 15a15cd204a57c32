import { LearnerUserCode, LearnerUserCodes } from '@guichet/accounts/domain';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** 30^8 ≈ 6.6 × 10^11 codes: a few tries always find a free one; more means something is wrong. */
const MAX_TRIES = 5;

/** Random codes checked against `accounts.accounts`; the unique index catches the rare race. */
@Injectable()
export class SqlLearnerUserCodes extends LearnerUserCodes {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async next(): Promise<LearnerUserCode> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const code = LearnerUserCode.fromRandomBytes(randomBytes(8));
      const taken: unknown[] = await this.unitOfWork.manager.query(`SELECT 1 FROM accounts.accounts WHERE learner_user_code = $1`, [code.value]);
      if (taken.length === 0) return code;
    }
    throw new Error(`No free learner user code after ${MAX_TRIES} tries`);
  }
}
