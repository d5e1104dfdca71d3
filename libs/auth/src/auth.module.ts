import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { authConfig, type AuthConfig } from '@app/config';
import { AuthController } from './auth.controller.js';
import { JwtAuthGuard, OptionalJwtAuthGuard } from './jwt-auth.guard.js';
import { TOKEN_ALGORITHM, TokenService } from './token.service.js';

/** Access tokens: issuing (anonymous and logged-in users) and checking them, and the guards built on that. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        secret: config.secretKey,
        signOptions: { algorithm: TOKEN_ALGORITHM, expiresIn: config.accessTokenExpireMinutes * 60 },
        verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [TokenService, JwtAuthGuard, OptionalJwtAuthGuard],
  exports: [TokenService, JwtAuthGuard, OptionalJwtAuthGuard],
})
export class AuthModule {}
