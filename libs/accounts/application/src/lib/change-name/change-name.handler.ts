import { ChangeName } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository } from '@guichet/accounts/domain';
import { Clock, PersonName } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

@CommandHandler(ChangeName)
export class ChangeNameHandler implements ICommandHandler<ChangeName> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ChangeName): Promise<void> {
    const account = await this.accounts.get(AccountId.from(cmd.accountId));
    account.rename(PersonName.of(cmd.firstName, cmd.lastName), this.clock.now());
    await this.accounts.save(account);
  }
}
