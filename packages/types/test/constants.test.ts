// The runtime constants that ship next to the types.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
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
    // Exactly the codes of the spec's catalog file, read from its text.
    const catalogFile = readFileSync(new URL('../../../spec/components/errors.yaml', import.meta.url), 'utf8');
    const specCodes = [...catalogFile.matchAll(/^\s*- \{ code: (\d+),/gm)].map((m) => m[1]);
    expect(Object.keys(errorCatalog).sort()).toEqual(specCodes.sort());
  });

  it('records the spec it was generated from', () => {
    expect(specInfo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(knownBlockchainValues).toContain('ERC20');
  });
});
