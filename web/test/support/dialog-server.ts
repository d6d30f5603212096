/**
 * A real Rolecall (embedded PostgreSQL, HTTP) for the component tests, in its own process: their DOM environment
 * replaces globals such as URL that the server needs. Prints one JSON line with how to reach it, stops on SIGTERM
 * or when its standard input closes (the test process ended).
 */
import { startTestApp } from '../../../server/test/support/app.js';
import { connectShop, setupAdmin } from '../../../server/test/support/fixtures.js';

const testApp = await startTestApp();
const admin = testApp.client();
const { password } = await setupAdmin(admin);
const databaseId = await connectShop(testApp, admin, ['clerk', 'analysts']);
await testApp.sql('GRANT USAGE ON SCHEMA s TO clerk', [], 'shop');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await testApp.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ url: testApp.url, databaseId, login: 'admin', password })}\n`);
