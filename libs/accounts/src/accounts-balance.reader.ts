import { Injectable } from '@nestjs/common';
import { AccountBalanceReader, BalanceUnavailableError, type UserBalance } from '@app/llm';
import { LoginRequiredError, UnknownUserError } from './accounts.errors.js';
import { AccountsService } from './accounts.service.js';

/**
 * The chat's `get_user_balance` tool reads balances through this. The user id comes from the
 * verified token of the turn, never from the message, so a question about someone else's balance
 * still reads the asker's own.
 */
@Injectable()
export class AccountsBalanceReader extends AccountBalanceReader {
  constructor(private readonly accounts: AccountsService) {
    super();
  }

  async getBalance(userId: string): Promise<UserBalance> {
    try {
      const balance = await this.accounts.getBalance(userId);
      return {
        currency: balance.currency,
        available: balance.available,
        ...(balance.bonus !== undefined ? { bonus: balance.bonus } : {}),
        updatedAt: balance.updatedAt,
      };
    } catch (error) {
      if (error instanceof UnknownUserError) throw new BalanceUnavailableError('There is no account for this login');
      if (error instanceof LoginRequiredError) throw new BalanceUnavailableError('The login has expired; please log in again to see the balance');
      throw error;
    }
  }
}
