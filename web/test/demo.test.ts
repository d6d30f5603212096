import { describe, expect, it } from 'vitest';
import { isDemoDatabase } from '../src/lib/demo.js';

const demoServer = { isDemo: true };
const otherServer = { isDemo: false };
const demo = { database: 'demo' };

describe('which database the list labels "(demo)"', () => {
  it('labels the demo database itself', () => {
    expect(isDemoDatabase({ name: 'demo', server: demoServer }, demo)).toBe(true);
  });

  it("does not label another database made on the demo's server", () => {
    expect(isDemoDatabase({ name: 'shop', server: demoServer }, demo)).toBe(false);
  });

  it('does not label a database of the same name on another server', () => {
    expect(isDemoDatabase({ name: 'demo', server: otherServer }, demo)).toBe(false);
  });

  it('labels nothing when there is no demo', () => {
    expect(isDemoDatabase({ name: 'demo', server: demoServer }, null)).toBe(false);
    expect(isDemoDatabase({ name: 'demo', server: demoServer }, undefined)).toBe(false);
  });
});
