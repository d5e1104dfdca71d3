import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { AccountAuthController } from './account-auth.controller.js';
import { AuthModule } from './auth.module.js';

/**
 * Login and the logged-in user's account routes. Kept apart from AuthModule, which only issues and
 * checks tokens, so the chat and realtime libs can verify tokens without pulling in accounts.
 */
@Module({
  imports: [AuthModule, AccountsModule],
  controllers: [AccountAuthController],
})
export class AccountAuthModule {}
