import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { BetProposalService, betView, IDEMPOTENCY_KEY_PATTERN, type BetView } from '@app/bets';
import { isDomainError } from '@app/common';
import { isSafeId } from '@app/conversation';
import type { Socket } from 'socket.io';
import type { Admission } from '../chat-transport.js';
import { CHAT_NAMESPACE } from '../socket-limits.js';

export type ConfirmBetAck =
  | { status: 'accepted'; proposal_id: string; replayed: boolean; bet: BetView }
  | { status: 'rejected'; proposal_id: string | null; error_code: string; content: string; details?: Record<string, unknown> };

/**
 * `confirm_bet {proposal_id, idempotency_key?}` on `/chat`: the user's explicit confirmation of a
 * bet the assistant proposed, answered in the acknowledgement. Kept apart from the chat gateway:
 * it shares the namespace and the handshake (so the socket's verified user), nothing else. Without
 * an idempotency_key, confirmations of one proposal share one key, so a double click places one bet.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class BetConfirmationGateway {
  private readonly logger = new Logger(BetConfirmationGateway.name);

  constructor(private readonly proposals: BetProposalService) {}

  @SubscribeMessage('confirm_bet')
  async confirm(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ConfirmBetAck> {
    const request = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const proposalId = typeof request.proposal_id === 'string' && isSafeId(request.proposal_id) ? request.proposal_id : undefined;
    if (!proposalId) return rejected(null, 'INVALID_MESSAGE_FORMAT', 'confirm_bet needs a proposal_id');
    const key = request.idempotency_key ?? `confirm_bet:${proposalId}`;
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      return rejected(proposalId, 'INVALID_MESSAGE_FORMAT', 'idempotency_key must be 1-64 characters of A-Z, a-z, 0-9, _, -, . or :');
    }
    // Only a login token proves who confirms; a claimed user_id or an anonymous token does not.
    const userId = (socket.data as Partial<Admission> | undefined)?.identity?.userId;
    if (!userId) return rejected(proposalId, 'LOGIN_REQUIRED', 'Connect with a login token to confirm bets');
    try {
      const { bet, replayed } = await this.proposals.confirm(userId, proposalId, key);
      return { status: 'accepted', proposal_id: proposalId, replayed, bet: betView(bet) };
    } catch (error) {
      if (isDomainError(error)) {
        const details = Object.keys(error.details).length > 0 ? error.details : undefined;
        return rejected(proposalId, error.code, error.message, details);
      }
      this.logger.error({ msg: 'Bet confirmation failed', proposalId, err: error });
      return rejected(proposalId, 'PROCESSING_ERROR', 'The bet could not be confirmed; please try again');
    }
  }
}

function rejected(proposalId: string | null, code: string, content: string, details?: Record<string, unknown>): ConfirmBetAck {
  return { status: 'rejected', proposal_id: proposalId, error_code: code, content, ...(details ? { details } : {}) };
}
