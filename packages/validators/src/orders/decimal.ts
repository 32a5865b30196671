// Exact decimal arithmetic on the exchange's decimal strings, as bigints scaled by 10^18. Every
// amount the mock exchange handles has far fewer decimals, so sums, differences and products of
// two amounts stay exact; only `div` truncates (used for averages, never for balances).
import { AscendexError } from '../runtime/errors.js';

const SCALE = 18;
const ONE = 10n ** BigInt(SCALE);

/** A decimal string that cannot be read, or a division by zero. @public */
export class DecimalError extends AscendexError {
  override readonly name = 'DecimalError';
}

/** A decimal as a bigint of 10^-18 units. */
export type Units = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Reads a decimal string (`"-12.5"`, `"0.001"`); more than 18 decimals is an error, not a rounding. */
export function toUnits(value: string): Units {
  const match = DECIMAL.exec(value);
  if (!match) throw new DecimalError(`not a decimal: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > SCALE) throw new DecimalError(`more than ${SCALE} decimals: ${value}`);
  const units = BigInt(whole!) * ONE + BigInt(fraction.padEnd(SCALE, '0') || '0');
  return sign ? -units : units;
}

/** Writes units as the shortest decimal string: no exponent, no trailing zeros, `"0"` for zero. */
export function fromUnits(units: Units): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** Writes units with at most `scale` decimals, truncating toward zero (prices and sizes of a product). */
export function fromUnitsAtScale(units: Units, scale: number): string {
  const step = 10n ** BigInt(SCALE - scale);
  return fromUnits((units / step) * step);
}

export function add(a: string, b: string): string {
  return fromUnits(toUnits(a) + toUnits(b));
}
export function sub(a: string, b: string): string {
  return fromUnits(toUnits(a) - toUnits(b));
}
export function mul(a: string, b: string): string {
  return fromUnits(mulUnits(toUnits(a), toUnits(b)));
}
/** Quotient truncated to 18 decimals. */
export function div(a: string, b: string): string {
  const divisor = toUnits(b);
  if (divisor === 0n) throw new DecimalError(`division by zero: ${a} / ${b}`);
  return fromUnits((toUnits(a) * ONE) / divisor);
}
export function mulUnits(a: Units, b: Units): Units {
  return (a * b) / ONE;
}
/** -1, 0 or 1 as `a` is smaller than, equal to or greater than `b`. */
export function cmp(a: string, b: string): -1 | 0 | 1 {
  const d = toUnits(a) - toUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
export function isZero(a: string): boolean {
  return toUnits(a) === 0n;
}
export function min(a: string, b: string): string {
  return cmp(a, b) <= 0 ? a : b;
}
export function max(a: string, b: string): string {
  return cmp(a, b) >= 0 ? a : b;
}
/** Whether `value` is a whole multiple of `step` (tick and lot sizes). */
export function isMultipleOf(value: string, step: string): boolean {
  const s = toUnits(step);
  return s === 0n || toUnits(value) % s === 0n;
}
/** Rewrites a decimal in its shortest form (`"0.10"` → `"0.1"`). */
export function normalize(value: string): string {
  return fromUnits(toUnits(value));
}
