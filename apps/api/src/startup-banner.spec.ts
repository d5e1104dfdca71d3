import { renderStartupBanner, startupSummary } from './startup-banner.js';

describe('start-up banner', () => {
  it('links the chat page, the API docs and health, and says how to switch every stand-in to the real thing', () => {
    const summary = startupSummary('http://localhost:8000', { redis: 'memory', llm: 'offline', sportsData: 'embedded' }, true);
    expect(summary.urls).toEqual({ chat: 'http://localhost:8000/', docs: 'http://localhost:8000/docs', health: 'http://localhost:8000/health' });
    const banner = renderStartupBanner(summary, 8000);
    expect(banner).toContain('Chat page   http://localhost:8000/');
    expect(banner).toContain('API docs    http://localhost:8000/docs');
    expect(banner).toContain('Health      http://localhost:8000/health');
    expect(banner).toContain('redis=memory, llm=offline, sports-data=embedded');
    for (const variable of ['REDIS_URL', 'GOOGLE_API_KEY', 'CHATBET_API_BASE_URL']) expect(banner).toContain(variable);
    expect(banner.split('\n').length).toBeLessThan(16);
  });

  it('gives no switching advice for what already runs for real, and no docs link when docs are off', () => {
    const summary = startupSummary('https://chat.example.com', { redis: 'redis', llm: 'gemini', sportsData: 'chatbet' }, false);
    expect(summary.switches).toEqual([]);
    expect(summary.urls.docs).toBeUndefined();
    const banner = renderStartupBanner(summary, 8000);
    expect(banner).not.toContain('/docs');
    expect(banner).not.toContain('GOOGLE_API_KEY');
    expect(banner).toContain('Chat page   https://chat.example.com/');
  });
});
