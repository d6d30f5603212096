/**
 * The HTTP baseline: a bare node:http server that reads a JSON POST body and answers a GraphQL-shaped JSON
 * result, as `{ viewer { id } }` does. Prints `listening <port>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { query?: string };
    const result = {
      data: { viewer: body.query ? { id: 'VXNlcjoxMjM0NTY3OC05YWJjLWRlZjAtMTIzNC01Njc4OWFiY2RlZjA=' } : null },
    };
    response.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8' });
    response.end(JSON.stringify(result));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
