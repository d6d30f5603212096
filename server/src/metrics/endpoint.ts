import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

export function isMetricsRequest(request: IncomingMessage): boolean {
  return request.url?.split('?', 1)[0] === '/metrics';
}

/** Both sides are hashed first, so the comparison takes as long for a wrong token of any length. */
function isToken(sent: string, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

function bearerOf(request: IncomingMessage): string | null {
  return /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(text);
}

/**
 * GET /metrics on the main port: 404 while metrics are off (no token configured), 401 without the bearer token, else
 * the Prometheus text exposition.
 */
export async function serveMetrics(
  request: IncomingMessage,
  response: ServerResponse,
  metrics: Metrics,
  token: string | undefined,
  logger: Logger,
): Promise<void> {
  if (!token) return answer(response, 404, 'Not found\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return answer(response, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
  const sent = bearerOf(request);
  if (sent === null || !isToken(sent, token))
    return answer(response, 401, 'Unauthorized\n', { 'www-authenticate': 'Bearer realm="rolecall-metrics"' });
  try {
    const { contentType, body } = await metrics.scrape();
    response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'metrics scrape failed');
    answer(response, 500, 'Metrics failed\n');
  }
}
