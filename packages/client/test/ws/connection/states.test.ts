// The state machine alone: the transition table, and a move it does not allow refused.
import { describe, expect, it } from 'vitest';
import { AscendexError } from '@ascendex-toolkit/validators';
import { WsState, WsStateMachine, wsTransitions } from '../../../src/ws/connection/states.js';

const all = Object.values(WsState);

describe('WsStateMachine', () => {
  it('starts idle and reports every change', () => {
    const changes: string[] = [];
    const machine = new WsStateMachine(({ from, to }) => changes.push(`${from}>${to}`));
    expect(machine.state).toBe('idle');
    for (const to of ['connecting', 'open', 'authenticating', 'ready', 'reconnecting', 'connecting', 'closed'] as const)
      machine.to(to);
    machine.to('closed'); // staying is no change
    expect(changes).toEqual([
      'idle>connecting',
      'connecting>open',
      'open>authenticating',
      'authenticating>ready',
      'ready>reconnecting',
      'reconnecting>connecting',
      'connecting>closed',
    ]);
    expect(machine.is('closed', 'idle')).toBe(true);
  });

  it.each(all.flatMap((from) => all.filter((to) => to !== from).map((to) => [from, to] as const)))(
    '%s → %s: allowed exactly when the table says so',
    (from, to) => {
      const machine = new WsStateMachine(() => undefined);
      // Walk to `from` along allowed moves.
      const path: Record<WsState, WsState[]> = {
        idle: [],
        connecting: ['connecting'],
        open: ['connecting', 'open'],
        authenticating: ['connecting', 'open', 'authenticating'],
        ready: ['connecting', 'open', 'ready'],
        reconnecting: ['connecting', 'reconnecting'],
        closed: ['closed'],
      };
      for (const step of path[from]) machine.to(step);
      expect(machine.state).toBe(from);
      if (wsTransitions[from].includes(to)) {
        machine.to(to);
        expect(machine.state).toBe(to);
      } else {
        expect(() => machine.to(to)).toThrow(AscendexError);
        expect(machine.state).toBe(from);
      }
    },
  );

  it('closed is final; a first connect that is not ready in time may go back to idle', () => {
    expect(wsTransitions.closed).toEqual([]);
    for (const from of ['connecting', 'open', 'authenticating', 'reconnecting'] as const)
      expect(wsTransitions[from]).toContain('idle');
    expect(wsTransitions.ready).not.toContain('idle');
  });
});
