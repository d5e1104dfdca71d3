import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsAccessGuard, OpsEndpoint } from '@app/common';
import { RealtimeChatService } from './realtime-chat.service.js';

@ApiTags('realtime')
@Controller('ws')
export class RealtimeController {
  constructor(private readonly realtime: RealtimeChatService) {}

  @Get('status')
  @UseGuards(OpsAccessGuard)
  @OpsEndpoint('diagnostics')
  @ApiOperation({ summary: 'Live chat connections and sessions per endpoint, on this instance and on all instances (DIAGNOSTICS_ACCESS)' })
  status() {
    return this.realtime.status();
  }

  @Get('ping')
  @ApiOperation({ summary: 'Liveness of the real-time service' })
  ping() {
    return { pong: true, server_time: new Date().toISOString() };
  }
}
