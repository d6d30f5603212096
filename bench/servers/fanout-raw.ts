/**
 * The fan-out baseline: a bare `ws` server that broadcasts what it is given. A message on a WebSocket to
 * /publish is a JSON payload: the server wraps it once as graphql-ws would (`{ id, type: 'next', payload }`),
 * serialises it once and sends it to every other client. Prints `listening <port>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

const server = createServer();
const sockets = new WebSocketServer({ server });
const publishers = new WeakSet<WebSocket>();
sockets.on('connection', (socket, request) => {
  if (request.url !== '/publish') return;
  publishers.add(socket);
  socket.on('message', (data) => {
    const message = JSON.stringify({ id: '1', type: 'next', payload: JSON.parse(String(data)) as unknown });
    for (const client of sockets.clients) if (!publishers.has(client)) client.send(message);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
