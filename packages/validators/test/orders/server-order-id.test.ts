// The server order id as the docs' order section derives it: transport letter, request time in
// hex, user UID, and the right nine characters of a usable client id (random ones otherwise).
import { describe, expect, it } from 'vitest';
import { isDerivableClientOrderId, serverOrderId } from '../../src/orders.js';

describe('serverOrderId', () => {
  it('reproduces the docs sample (DONE response): a + hex time + UID + the right nine chars of the id', () => {
    // The docs' DONE sample: id ROunD0hpprO2KEgkVK30FOIpPK3zuGGh, orderId a16edbd9aefaU9490877774pPK3zuGGh.
    const time = parseInt('16edbd9aefa', 16);
    expect(
      serverOrderId({
        transport: 'rest',
        time,
        userUID: 'U9490877774',
        clientOrderId: 'ROunD0hpprO2KEgkVK30FOIpPK3zuGGh',
      }),
    ).toBe('a16edbd9aefaU9490877774pPK3zuGGh');
  });
  it('starts with s for the WebSocket', () => {
    const id = serverOrderId({
      transport: 'ws',
      time: 1585438955783,
      userUID: 'U9698887124',
      clientOrderId: 'abcT0dYM2YHd',
    });
    expect(id).toBe(`s${(1585438955783).toString(16)}U9698887124T0dYM2YHd`);
  });
  it('draws nine random characters when the client id is shorter than nine or not letters and digits', () => {
    const draws = [0, 0.5, 0.99];
    let i = 0;
    const random = () => draws[i++ % draws.length]!;
    for (const clientOrderId of [undefined, 'short', 'has-a-dash-inside']) {
      const id = serverOrderId({ transport: 'rest', time: 1, userUID: 'U1234567890', clientOrderId, random });
      expect(id).toMatch(/^a1U1234567890[A-Za-z0-9]{9}$/);
      expect(id.endsWith('inside')).toBe(false);
    }
    expect(serverOrderId({ transport: 'rest', time: 1, userUID: 'U1234567890', random: () => 0 })).toBe(
      'a1U1234567890AAAAAAAAA',
    );
  });
});

describe('isDerivableClientOrderId', () => {
  it('holds for 9 or more letters and digits only', () => {
    expect(isDerivableClientOrderId('abcDEF123')).toBe(true);
    expect(isDerivableClientOrderId('abcDEF12')).toBe(false);
    expect(isDerivableClientOrderId('abc-DEF-123')).toBe(false);
    expect(isDerivableClientOrderId(undefined)).toBe(false);
  });
});
