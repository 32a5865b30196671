// The runtime constants that ship next to the types.
import { describe, it, expect } from 'vitest';
import { orderStatusValues, errorCatalog, errorGroups, specInfo, knownBlockchainValues } from '../src/index.js';

describe('runtime constants', () => {
  it('lists every order status including Ready and PendingNew', () => {
    expect(orderStatusValues).toEqual(
      expect.arrayContaining(['New', 'PendingNew', 'Ready', 'PartiallyFilled', 'Filled', 'Canceled', 'Rejected']),
    );
  });

  it('carries the whole error catalog, each code in its group', () => {
    expect(errorCatalog[300011]).toEqual({
      reason: 'INVALID_BALANCE',
      group: 'OrderError',
      description: expect.any(String),
    });
    expect(errorCatalog[300019].reason).toBeNull();
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(errorGroups[entry.group], code).toBeDefined();
    }
    expect(Object.keys(errorCatalog).length).toBeGreaterThan(50);
  });

  it('records the spec it was generated from', () => {
    expect(specInfo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(knownBlockchainValues).toContain('ERC20');
  });
});
