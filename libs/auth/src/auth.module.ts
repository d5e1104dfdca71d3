import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
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
        // A key object, not the string: given a string, jsonwebtoken tries it as a public (and, to
        // sign, a private) key first and only then as a secret, paying two thrown errors per token.
        secret: createSecretKey(Buffer.from(config.secretKey)),
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
