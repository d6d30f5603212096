import type { ExecutionResult } from 'graphql';

/** Sends a subscription's result to its client at once; false when it cannot (the result then goes the usual way). */
export type Deliver = (result: ExecutionResult) => boolean;

/** By operation context: each operation a transport runs has its own. */
const deliveries = new WeakMap<object, Deliver>();

/** A transport (http/websocket.ts) that can send one operation's results at once says how. */
export function deliverDirectly(contextValue: object, deliver: Deliver): void {
  deliveries.set(contextValue, deliver);
}

export function directDelivery(contextValue: unknown): Deliver | undefined {
  return typeof contextValue === 'object' && contextValue !== null ? deliveries.get(contextValue) : undefined;
}
