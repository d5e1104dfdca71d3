import { Injectable } from '@nestjs/common';
import { AccountsLedger } from '@app/accounts';
import { BetPlacer, type PlacementOrder, type PlacementReceipt } from './bet-placer.js';

/**
 * Embedded bookmaking: the stake is one atomic ledger debit (balance never below zero, the daily
 * stake limit and self-exclusion checked in the same step). Its idempotency key is derived from the
 * bet id, itself derived from the user's Idempotency-Key, so a retried request can never debit twice.
 */
@Injectable()
export class LedgerBetPlacer extends BetPlacer {
  readonly provider = 'embedded';

  constructor(private readonly ledger: AccountsLedger) {
    super();
  }

  async place(order: PlacementOrder): Promise<PlacementReceipt> {
    const debit = await this.ledger.debit(order.userId, order.quote.stake, {
      idempotencyKey: `bet:${order.betId}`,
      reference: order.betId,
      dailyLimitCheck: true,
    });
    return { amount: debit.amount, balanceAfter: debit.balanceAfter, ledgerEntryId: debit.entryId };
  }

  async refund(order: PlacementOrder, receipt: PlacementReceipt): Promise<boolean> {
    await this.ledger.credit(order.userId, receipt.amount, `refund:${order.betId}`, { idempotencyKey: `refund:${order.betId}` });
    return true;
  }
}
