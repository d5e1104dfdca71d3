import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokenService } from './token.service.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly tokens: TokenService) {}

  @Post('generate_token')
  @HttpCode(200)
  @ApiOperation({ summary: 'An anonymous access token (HS256 JWT) for the chat sockets; its subject owns the sessions opened with it' })
  @ApiOkResponse({ description: '{token, token_type: "bearer", expires_in (seconds), user_id}' })
  async generateToken() {
    const issued = await this.tokens.issueAnonymous();
    return { token: issued.token, token_type: 'bearer', expires_in: issued.expires_in, user_id: issued.user_id };
  }
}
