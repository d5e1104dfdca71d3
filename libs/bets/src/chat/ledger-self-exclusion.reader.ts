import { Injectable } from '@nestjs/common';
import { AccountsLedger } from '@app/accounts';
import { SelfExclusionReader, type SelfExclusion } from '@app/llm';

/** Answers the chat's self-exclusion question from the accounts ledger's limits. */
@Injectable()
export class LedgerSelfExclusionReader extends SelfExclusionReader {
  constructor(private readonly ledger: AccountsLedger) {
    super();
  }

  async selfExclusion(userId: string): Promise<SelfExclusion> {
    const limits = await this.ledger.getLimits(userId);
    return { excluded: limits.selfExcluded, until: limits.selfExcludedUntil };
  }
}
