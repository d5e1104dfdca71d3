import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { RateLimitModule } from '@app/rate-limit';
import { AccountAuthController } from './account-auth.controller.js';
import { AuthModule } from './auth.module.js';
import { LoginThrottleService } from './login-throttle.service.js';

/**
 * Login and the logged-in user's account routes. Kept apart from AuthModule, which only issues and
 * checks tokens, so the chat and realtime libs can verify tokens without pulling in accounts.
 */
@Module({
  imports: [AuthModule, AccountsModule, RateLimitModule],
  controllers: [AccountAuthController],
  providers: [LoginThrottleService],
})
export class AccountAuthModule {}
